import Foundation

/// The DTOs of `docspace-api.md`, written out field by field in the server's order.
struct WireModels {
  var clock: PortalClock
  var host: String
  /// The request's scheme: `profileUrl` is absolute on it.
  var scheme = "http"

  func connection(_ row: LoginEventRow, tenantId: Int) -> Wire {
    .object([
      ("id", .int(row.id)), ("tenantId", .int(row.id == 0 ? 0 : tenantId)), ("userId", .string(row.userId)),
      ("mobile", .bool(false)), ("ip", .string(row.ip)), ("country", .string(row.country)), ("city", .string(row.city)),
      ("browser", Wire.optional(row.browser)), ("platform", Wire.optional(row.platform)),
      ("date", .string(clock.apiDateTime(row.date))), ("page", row.id == 0 ? nil : .string(row.page)),
    ])
  }

  /// `LoginEventDto`.
  ///
  /// `user` is the account's name, else the typed login (a failure is recorded under Guest, which
  /// has no users row), else "Anonymous" for Guest (SERVER
  /// `common/services/ASC.AuditTrail/Models/Mappings/EventTypeConverter.cs:57-80`).
  func loginEvent(_ row: LoginEventRow, user: SimUser?) -> Wire {
    let login = LoginEventRow.failureActions.contains(row.action) ? row.login : nil
    let name = user?.displayName ?? login ?? (row.userId == PortalState.guestId ? "Anonymous" : "Unknown Account")
    return .object([
      ("id", .int(row.id)), ("date", .string(clock.apiDateTime(row.date))),
      ("user", .string(name)), ("userId", .string(row.userId)), ("login", Wire.optional(login)),
      ("action", .string(LoginEventRow.actionNames[row.action] ?? "Login Success")), ("actionId", .int(row.action)),
      ("ip", .string(row.ip)), ("country", .string(row.country)), ("city", .string(row.city)),
      ("browser", .string(row.browser ?? "")), ("platform", .string(row.platform ?? "")), ("page", .string(row.page)),
    ])
  }

  /// `EmployeeFullDto` (SERVER `common/ASC.Api.Core/Model/EmployeeFullDto.cs:353-460`, the
  /// `EmployeeDto` part from `common/ASC.Api.Core/Model/EmployeeDto.cs:169-197`).
  func employee(_ user: SimUser, viewer: SimUser, selfView: Bool = false, loginEventId: Int = 0) -> Wire {
    var members: [(String, Wire?)] = [
      ("firstName", .string(user.firstName)), ("lastName", .string(user.lastName)),
      ("userName", .string(user.userName)), ("email", .string(user.email)), ("status", .int(user.status.rawValue)),
      ("activationStatus", .int(user.activation.rawValue)),
      ("terminated", user.terminated.map { .string(clock.apiDateTime($0)) }), ("department", .string("")),
      ("isAdmin", .bool(user.role == .docSpaceAdmin)), ("isRoomAdmin", .bool(user.role == .roomAdmin)),
      ("isLDAP", .bool(false)), ("isOwner", .bool(user.role == .owner)), ("isVisitor", .bool(user.role == .guest)),
      ("isCollaborator", .bool(user.role == .user)), ("isSSO", .bool(false)), ("mobilePhoneActivationStatus", .int(0)),
      ("registrationDate", .string(clock.apiDateTime(user.registered))),
    ]
    if selfView {
      // A guest has a personal folder only if one was made for it, which the simulator never
      // does (UserController.cs:1611-1619: `FolderMyAsync != 0`); everyone else has one.
      members += [
        ("theme", .string("System")), ("loginEventId", .int(loginEventId)),
        ("hasPersonalFolder", .bool(user.role != .guest)),
      ]
    }
    members += [
      ("id", .string(user.id)), ("displayName", .string(user.displayName)), ("avatar", .string(avatar(user, 82))),
      ("avatarOriginal", .string(avatar(user, 200))), ("avatarMax", .string(avatar(user, 200))),
      ("avatarMedium", .string(avatar(user, 48))), ("avatarSmall", .string(avatar(user, 32))),
      ("profileUrl", .string(profileUrl(user))), ("hasAvatar", .bool(false)), ("isAnonim", .bool(false)),
    ]
    return .object(members)
  }

  /// `GetUserProfileAsync` made absolute: the people or guests list searched for the
  /// lower-cased email, `HttpUtility.UrlEncode`d (SERVER
  /// `web/ASC.Web.Core/Utility/CommonLinkUtility.cs:101-126`).
  func profileUrl(_ user: SimUser) -> String {
    let list = user.role == .guest ? "accounts/guests/filter" : "accounts/people/filter"
    return "\(scheme)://\(host)/\(list)?search=\(Self.urlEncode(user.email.lowercased()))"
  }

  /// The default photo of that size (nobody has uploaded one), `?hash=` the absolute `GetHashCode`
  /// of the account's last modification, here its registration (SERVER
  /// `web/ASC.Web.Core/Users/UserPhotoManager.cs:247-293,367-377`; EmployeeDto.cs:183-189).
  ///
  /// The original is the 200×200 default too (UserPhotoManager.cs:304-320).
  func avatar(_ user: SimUser, _ size: Int) -> String {
    "/static/images/default_user_photo_size_\(size)-\(size).png?hash=\(Self.hashCode(user.registered))"
  }

  /// `Math.Abs(DateTime.GetHashCode())`: the ticks' low and high halves XORed.
  static func hashCode(_ date: Date) -> Int {
    let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    let ticks = micros &* 10 &+ 621_355_968_000_000_000
    let hash = Int32(truncatingIfNeeded: ticks) ^ Int32(truncatingIfNeeded: ticks >> 32)
    return Int(hash.magnitude)
  }

  /// `HttpUtility.UrlEncode`: letters, digits and `-_.!*()` stay, a space is `+`, every other
  /// UTF-8 byte `%xx` in lower case.
  static func urlEncode(_ text: String) -> String {
    var encoded: [UInt8] = []
    encoded.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      if keptInURLs.contains(byte) {
        encoded.append(byte)
      } else if byte == UInt8(ascii: " ") {
        encoded.append(UInt8(ascii: "+"))
      } else {
        encoded += [UInt8(ascii: "%"), lowerHex[Int(byte >> 4)], lowerHex[Int(byte & 0xF)]]
      }
    }
    return String(decoding: encoded, as: UTF8.self)
  }

  private static let keptInURLs = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()".utf8)
  private static let lowerHex = Array("0123456789abcdef".utf8)
}
