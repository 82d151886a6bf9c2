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

  /// `LoginEventDto`. `user` is the account's name, else the typed login (a failure is recorded
  /// under Guest, which has no users row), else "Anonymous" for Guest
  /// (SERVER `common/services/ASC.AuditTrail/Models/Mappings/EventTypeConverter.cs:57-80`).
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

  func employee(_ user: SimUser, viewer: SimUser, selfView: Bool = false, loginEventId: Int = 0) -> Wire {
    let avatar = "/static/images/default_user_photo_size_82-82.png?hash=1"
    var members: [(String, Wire?)] = [
      ("firstName", .string(user.firstName)), ("lastName", .string(user.lastName)),
      ("userName", .string(user.userName)),
      ("email", .string(user.email)), ("status", .int(1)), ("activationStatus", .int(1)), ("department", .string("")),
      ("isAdmin", .bool(user.role == .docSpaceAdmin)), ("isRoomAdmin", .bool(user.role == .roomAdmin)),
      ("isLDAP", .bool(false)), ("isOwner", .bool(user.role == .owner)), ("isVisitor", .bool(user.role == .guest)),
      ("isCollaborator", .bool(user.role == .user)), ("isSSO", .bool(false)), ("mobilePhoneActivationStatus", .int(0)),
      ("registrationDate", .string(clock.apiDateTime(user.registered))),
    ]
    if selfView {
      members += [
        ("theme", .string("System")), ("loginEventId", .int(loginEventId)), ("hasPersonalFolder", .bool(true)),
      ]
    }
    members += [
      ("id", .string(user.id)), ("displayName", .string(user.displayName)), ("avatar", .string(avatar)),
      ("avatarOriginal", .string(avatar)), ("avatarMax", .string(avatar)), ("avatarMedium", .string(avatar)),
      ("avatarSmall", .string(avatar)), ("profileUrl", .string("\(scheme)://\(host)/accounts/view/\(user.userName)")),
      ("hasAvatar", .bool(false)), ("isAnonim", .bool(false)),
    ]
    return .object(members)
  }
}
