import Foundation

extension PortalState {
  /// The authentication schemes, chosen per request by the `Authorization` header.
  enum Scheme: Equatable {
    case cookie
    case basic
    case apiKey
    case jwt

    /// `ForwardDefaultSelector` (SERVER `common/ASC.Api.Core/Core/BaseStartup.cs:525-555`): no
    /// header → cookie; `Basic ` → Basic; `Bearer ` + a readable JWT → JWT, + `sk-` → API
    /// key; anything else (another Bearer token, a bare token, a bare `sk-` key) → cookie.
    static func of(authorization: String?) -> Scheme {
      guard let authorization, !authorization.isEmpty else { return .cookie }
      if authorization.hasPrefix("Basic ") { return .basic }
      if authorization.hasPrefix("Bearer ") {
        let token = authorization.dropFirst("Bearer ".count).trimmingCharacters(in: .whitespaces)
        if isReadableJWT(token) { return .jwt }
        if token.hasPrefix("sk-") { return .apiKey }
      }
      return .cookie
    }

    /// `JwtSecurityTokenHandler.CanReadToken`: compact JWS (three base64url parts) or JWE (five).
    private static func isReadableJWT(_ token: String) -> Bool {
      let parts = token.split(separator: ".", omittingEmptySubsequences: false)
      let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
      return (parts.count == 3 || parts.count == 5) && !parts[0].isEmpty
        && parts.allSatisfy { $0.allSatisfy(alphabet.contains) }
    }
  }

  /// Who a request is, and what the chosen scheme adds to whatever the answer is.
  struct Authentication: Sendable {
    var caller: Caller?
    var headers: [(String, String)] = []
  }

  /// Runs the scheme the request selects, as `UseAuthentication` does for every request that
  /// gets past CORS, whatever it is routed to.
  func authenticate(_ request: Incoming) -> Authentication {
    let scheme = Scheme.of(authorization: request.authorization)
    // The current connection is read from the cookie alone, whichever scheme authenticated
    // (ConnectionsController `GetLoginEventIdFromCookie`).
    let cookieEvent = request.cookieToken.flatMap { tokens[$0]?.loginEventId } ?? 0
    switch scheme {
    case .basic:
      // BasicAuthHandler.cs:45 adds the header before it looks at the credentials.
      let account = basicUser(request.authorization ?? "")
      return Authentication(
        caller: account.map { Caller(user: $0, cookieEventId: cookieEvent) }, headers: [("WWW-Authenticate", "Basic")])
    case .apiKey:
      let key = (request.authorization ?? "").dropFirst("Bearer ".count).trimmingCharacters(in: .whitespaces)
      let owner = apiKeys[key].flatMap { activeUser(id: $0) }
      return Authentication(caller: owner.map { Caller(user: $0, cookieEventId: cookieEvent) })
    case .jwt:
      // The simulator issues no OAuth tokens, so none is valid.
      return Authentication(caller: nil)
    case .cookie:
      // CookieAuthHandler.cs:50-61: the cookie if the request has one (even empty), else the
      // header; trimmed; a "Bearer" anywhere cuts the first seven characters.
      var value = (request.cookieToken ?? request.authorization ?? "").trimmingCharacters(in: .whitespaces)
      if value.contains("Bearer") { value = String(value.dropFirst("Bearer ".count)) }
      if let grant = validGrant(value), let user = activeUser(id: grant.userId) {
        return Authentication(caller: Caller(user: user, cookieEventId: cookieEvent))
      }
      // CookieAuthHandler.cs:70-77 and CookiesManager.cs:163-176: a failed cookie
      // authentication deletes the auth and socket cookies the request carried.
      let deleted = ["asc_auth_key", "socketio.sid"].filter { request.cookies[$0] != nil }
      return Authentication(caller: nil, headers: deleted.map(Outgoing.deletingCookie))
    }
  }

  /// `Basic (.*)`, base64 of `email:password`, checked as typed (BasicAuthHandler.cs:47-79).
  private func basicUser(_ header: String) -> SimUser? {
    guard let data = Data(base64Encoded: String(header.dropFirst("Basic ".count))),
      let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
    else { return nil }
    let email = String(pair[..<colon]).lowercased()
    let password = String(pair[pair.index(after: colon)...])
    return users.first { $0.email == email && $0.password == password && $0.status == .active }
  }

  func validGrant(_ token: String) -> TokenGrant? {
    guard let grant = tokens[token], grant.userCookieIndex == cookieIndex[grant.userId, default: 0] else { return nil }
    if grant.loginEventId != 0 {
      guard let index = eventIndex(id: grant.loginEventId), events[index].active else { return nil }
    }
    return grant
  }

  enum SignInResult {
    /// `expires` is nil for a session sign-in.
    case success(token: String, expires: Date?)
    case failed
    case blocked
    /// The password was right, but the account is not active.
    case disabled
  }

  /// Brute-force protection (SERVER `web/ASC.Web.Core/BruteForceLoginManager.cs`, `AttemptAsync`
  /// at :100-160 with the `LoginSettings` defaults 5 attempts, 60 s period, 60 s block): per
  /// login (lower-cased) and client address (:213-215), every attempt joins the last minute's
  /// history and a success takes its own back out; the attempt that makes it six sets a block
  /// for 60 s from then and clears the history; while blocked every attempt is refused.
  func signIn(
    login: String, password: String, session: Bool, ip: String, agent: String?, page: String, now: Date = Date()
  ) -> SignInResult {
    let key = "\(login.lowercased())|\(ip)"
    // A failure is recorded by the anonymous request, whose account is Guest
    // (AuthContext.CurrentAccount, SecurityContext.cs:343; MessageFactory.cs:53), with the typed login as the initiator
    // (AuthenticationController.cs:609 and 619, EventTypeConverter.cs:41).
    let typed = login.isEmpty ? Self.emailNotSpecified : login
    if let until = blockedUntil[key], now < until {
      record(
        userId: Self.guestId, login: typed, action: 1023, ip: ip, agent: agent, page: page, active: false, now: now)
      return .blocked
    }
    blockedUntil[key] = nil
    let history = failures[key, default: []].filter { now.timeIntervalSince($0) < 60 } + [now]
    if history.count > 5 {
      blockedUntil[key] = now.addingTimeInterval(60)
      failures[key] = nil
      record(
        userId: Self.guestId, login: typed, action: 1023, ip: ip, agent: agent, page: page, active: false, now: now)
      return .blocked
    }
    // AuthenticationController.cs:556-562: the password is trimmed before it is hashed.
    let trimmed = password.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let user = user(email: login), !trimmed.isEmpty, user.password == trimmed else {
      failures[key] = history
      record(
        userId: Self.guestId, login: typed, action: 1013, ip: ip, agent: agent, page: page, active: false, now: now)
      return .failed
    }
    failures[key] = Array(history.dropLast())
    // AuthenticationController.cs:230-233: checked after the password and the brute-force
    // attempt, outside the block that records a failure, so no event is recorded.
    guard user.status == .active else { return .disabled }
    let token = mintConnection(for: user, action: 1010, ip: ip, agent: agent, page: page, now: now)
    // AuthenticationController.cs:323-329: `expires` only when not a session.
    return .success(token: token, expires: session ? nil : now.addingTimeInterval(365 * 86_400))
  }

  /// POST authentication/logout (AuthenticationController.cs:373-390): ends the login event
  /// the cookie names (0 without one, which ends nothing) and records a Logout (1006) for the
  /// current account, however it authenticated.
  func signOut(cookieToken: String?, caller: Caller?, ip: String, agent: String?, page: String) {
    if let eventId = cookieToken.flatMap({ tokens[$0]?.loginEventId }), eventId != 0,
      let index = eventIndex(id: eventId)
    {
      events[index].active = false
    }
    guard let caller else { return }
    record(
      userId: caller.user.id, login: caller.user.email, action: 1006, ip: ip, agent: agent, page: page, active: false,
      now: Date())
  }
}
