import Foundation

extension PortalState {
  /// GET activeconnections: the caller's own, newest first, the cookie's moved to the top
  /// with live request data; a synthetic item when nothing is stored and no cookie came.
  func connections(of caller: Caller, ip: String, agent: String?, now: Date = Date()) -> [LoginEventRow] {
    var items = events.filter {
      $0.userId == caller.user.id && $0.isConnection && now.timeIntervalSince($0.date) < 365 * 86_400
    }
    .sorted { $0.id > $1.id }
    if caller.cookieEventId != 0, let index = items.firstIndex(where: { $0.id == caller.cookieEventId }) {
      var current = items.remove(at: index)
      current.ip = ip
      current.browser = UserAgent.browser(agent)
      current.platform = UserAgent.platform(agent)
      current.country = ""
      current.city = ""
      items.insert(current, at: 0)
    }
    if caller.cookieEventId == 0 && items.isEmpty {
      items.append(
        LoginEventRow(
          id: 0, userId: Self.emptyGuid, login: nil, action: 0, date: now, ip: ip, country: "", city: "",
          browser: UserAgent.browser(agent), platform: UserAgent.platform(agent), page: "", active: true))
    }
    return items
  }

  /// PUT logout/{id}: false for unknown or inactive, forbidden for others' unless admin.
  func logOut(eventId: Int, by caller: Caller) throws(Denial) -> Bool {
    guard let index = eventIndex(id: eventId), events[index].isConnection else { return false }
    guard events[index].userId == caller.user.id || caller.user.isAdmin else { throw .forbidden }
    events[index].active = false
    return true
  }

  /// PUT logoutall/{userId}: every token of the user invalid (index bump), every event inactive.
  ///
  /// Acting on oneself mints a new connection and returns its cookie token.
  func logOutAll(userId: String, by caller: Caller, ip: String, agent: String?, page: String) throws(Denial) -> String?
  {
    guard userId == caller.user.id || caller.user.isAdmin else { throw .forbidden }
    endEverything(of: userId)
    guard userId == caller.user.id else { return nil }
    return reissue(for: caller.user, ip: ip, agent: agent, page: page)
  }

  private func endEverything(of userId: String) {
    cookieIndex[userId, default: 0] += 1
    for index in events.indices where events[index].userId == userId && events[index].isConnection {
      events[index].active = false
    }
  }

  private func reissue(for user: SimUser, ip: String, agent: String?, page: String) -> String {
    let id = record(
      userId: user.id, login: user.email, action: 1000, ip: ip, agent: agent, page: page, active: true, now: Date())
    return storeToken(for: user.id, eventId: id)
  }

  /// PUT logoutallexceptthis: all but the cookie's event; Bearer callers end everything.
  func logOutAllExceptThis(caller: Caller) -> String {
    for index in events.indices
    where events[index].userId == caller.user.id && events[index].isConnection
      && events[index].id != caller.cookieEventId
    {
      events[index].active = false
    }
    return caller.user.displayName
  }

  /// PUT logoutallchangepassword: like logoutall on oneself, then the confirmation URL on the
  /// request's own scheme and host (`GetFullAbsolutePath` → `ServerRootPath`, SERVER
  /// `common/ASC.Core.Common/BaseCommonLinkUtility.cs:107-120`), built by `GetToken`
  /// (`web/ASC.Web.Core/Utility/CommonLinkUtility.cs:247-265`).
  func logOutAllAndChangePassword(caller: Caller, root: String, ip: String, agent: String?, page: String) -> (
    url: String, token: String
  ) {
    endEverything(of: caller.user.id)
    let token = reissue(for: caller.user, ip: ip, agent: agent, page: page)
    let millis = Int((Date().timeIntervalSince1970 - 1_262_304_000) * 1000)
    let key = "\(millis).\(random.token().uppercased().prefix(28))"
    let email = encryptedEmail(caller.user.email)
    let url = "\(root)/confirm/PasswordChange?type=PasswordChange&key=\(key)&encemail=\(email)&uid=\(caller.user.id)"
    return (url, token)
  }

  /// `instanceCrypto.Encrypt(email).Base64ToUrlSafe()` (CommonLinkUtility.cs:255; SERVER
  /// `common/ASC.Core.Common/Core/StringExtension.cs:175-182`: `+` → `-`, `/` → `_`, no `=`).
  ///
  /// The server encrypts with AES; here a nonce and the padded address masked with bytes drawn from
  /// it stand in: just as opaque to a client, and as URL-safe.
  private func encryptedEmail(_ email: String) -> String {
    var nonce: [UInt8] = []
    for _ in 0..<16 { nonce.append(UInt8.random(in: 0...255, using: &random)) }
    var plain = Array(email.utf8)
    let padding = 16 - plain.count % 16
    plain += Array(repeating: UInt8(padding), count: padding)
    var stream = SeededRandom(seed: nonce.prefix(8).reduce(0) { $0 << 8 | UInt64($1) })
    nonce += plain.map { $0 ^ UInt8.random(in: 0...255, using: &stream) }
    return Data(nonce).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }
}
