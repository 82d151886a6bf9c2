import Foundation

/// Everything a simulated portal knows: accounts, login events (connections), tokens.
/// One actor, so every request sees a consistent portal.
actor PortalState {
  struct Caller: Sendable {
    var user: SimUser
    /// The login event named by the `asc_auth_key` cookie; 0 without one.
    var cookieEventId: Int
  }

  enum Denial: Error {
    case forbidden
    case notFound
  }

  let options: SimulatorOptions
  private(set) var users: [SimUser]
  var events: [LoginEventRow]
  var tokens: [String: TokenGrant] = [:]
  var apiKeys: [String: String] = [:]
  var cookieIndex: [String: Int] = [:]
  private var failures: [String: [Date]] = [:]
  var random: SeededRandom
  var nextEventId: Int

  init(options: SimulatorOptions, now: Date = Date()) {
    self.options = options
    var random = SeededRandom(seed: options.seed)
    let users = Fixture.users(options: options, random: &random, now: now)
    let hostPort = "\(options.host):\(options.port)"
    var history = SeededRandom(seed: options.seed &+ 0x6869_7374)
    events = Fixture.connections(
      for: users, perUser: options.sessionsPerUser, host: hostPort, random: &random, now: now,
      history: options.historyEvents, historyRandom: &history)
    self.users = users
    nextEventId = (events.map(\.id).max() ?? 999) + 1
    var keyRandom = SeededRandom(seed: 42)
    for user in users.prefix(Fixture.roleAccounts.count) {
      apiKeys["sk-" + keyRandom.token() + keyRandom.token().prefix(16)] = user.id
    }
    self.random = random
  }

  /// The `sk-` keys of the role accounts, for the log and for tests.
  var apiKeyList: [(email: String, key: String)] {
    apiKeys.compactMap { key, userId in user(id: userId).map { ($0.email, key) } }.sorted { $0.email < $1.email }
  }

  func user(id: String) -> SimUser? { users.first { $0.id == id } }

  // MARK: Authentication

  /// Resolves the credentials of a request; nil means 401.
  func authenticate(cookieToken: String?, authorization: String?) -> Caller? {
    var cookieEvent = 0
    if let cookieToken {
      guard let grant = validGrant(cookieToken), let user = user(id: grant.userId) else { return nil }
      cookieEvent = grant.loginEventId
      return Caller(user: user, cookieEventId: cookieEvent)
    }
    guard let authorization, !authorization.isEmpty else { return nil }
    if authorization.hasPrefix("Basic ") {
      guard let data = Data(base64Encoded: String(authorization.dropFirst(6))),
        let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
      else { return nil }
      let email = String(pair[..<colon]).lowercased()
      let password = String(pair[pair.index(after: colon)...])
      guard let user = users.first(where: { $0.email == email && $0.password == password }) else { return nil }
      return Caller(user: user, cookieEventId: 0)
    }
    let value = authorization.hasPrefix("Bearer ") ? String(authorization.dropFirst(7)) : authorization
    if value.hasPrefix("sk-") {
      guard let userId = apiKeys[value], let user = user(id: userId) else { return nil }
      return Caller(user: user, cookieEventId: 0)
    }
    guard let grant = validGrant(value), let user = user(id: grant.userId) else { return nil }
    return Caller(user: user, cookieEventId: 0)
  }

  private func validGrant(_ token: String) -> TokenGrant? {
    guard let grant = tokens[token], grant.userCookieIndex == cookieIndex[grant.userId, default: 0] else { return nil }
    if grant.loginEventId != 0 {
      guard let event = events.first(where: { $0.id == grant.loginEventId }), event.active else { return nil }
    }
    return grant
  }

  enum SignInResult {
    case success(token: String, expires: Date)
    case failed
    case blocked
  }

  func signIn(login: String, password: String, ip: String, agent: String?, page: String, now: Date = Date())
    -> SignInResult
  {
    let key = "\(login.lowercased())|\(ip)"
    let recent = failures[key, default: []].filter { now.timeIntervalSince($0) < 60 }
    failures[key] = recent
    // A failure is recorded by the anonymous request, whose account is Guest
    // (AuthContext.CurrentAccount, SecurityContext.cs:343; MessageFactory.cs:53), with the typed login as the initiator
    // (AuthenticationController.cs:609 and 619, EventTypeConverter.cs:41).
    let typed = login.isEmpty ? Self.emailNotSpecified : login
    if recent.count >= 5 {
      record(
        userId: Self.guestId, login: typed, action: 1023, ip: ip, agent: agent, page: page, active: false, now: now)
      return .blocked
    }
    guard let user = user(email: login), user.password == password else {
      failures[key, default: []].append(now)
      record(
        userId: Self.guestId, login: typed, action: 1013, ip: ip, agent: agent, page: page, active: false, now: now)
      return .failed
    }
    let token = mintConnection(for: user, action: 1010, ip: ip, agent: agent, page: page, now: now)
    return .success(token: token, expires: now.addingTimeInterval(365 * 86_400))
  }

  static let emptyGuid = "00000000-0000-0000-0000-000000000000"
  /// The Guest system account (SERVER `common/ASC.Core.Common/Configuration/Constants.cs:43`).
  static let guestId = "712d9ec3-5d2b-4b13-824f-71f00191dcca"
  /// `AuditResource.EmailNotSpecified`, the initiator of a sign-in without a user name.
  static let emailNotSpecified = "Email is not specified"

  func user(email: String) -> SimUser? {
    let wanted = email.trimmingCharacters(in: .whitespaces).lowercased()
    return users.first { $0.email == wanted }
  }

  /// A new login event plus the cookie token that carries it.
  private func mintConnection(for user: SimUser, action: Int, ip: String, agent: String?, page: String, now: Date)
    -> String
  {
    let id = record(
      userId: user.id, login: user.email, action: action, ip: ip, agent: agent, page: page, active: true, now: now)
    return storeToken(for: user.id, eventId: id)
  }

  func storeToken(for userId: String, eventId: Int) -> String {
    let token = random.token()
    tokens[token] = TokenGrant(userId: userId, loginEventId: eventId, userCookieIndex: cookieIndex[userId, default: 0])
    return token
  }

  func nextEventIdAndAdvance() -> Int {
    defer { nextEventId += 1 }
    return nextEventId
  }

  @discardableResult
  private func record(
    userId: String, login: String?, action: Int, ip: String, agent: String?, page: String, active: Bool, now: Date
  ) -> Int {
    let id = nextEventIdAndAdvance()
    events.append(
      LoginEventRow(
        id: id, userId: userId, login: login, action: action, date: now, ip: Self.storedIP(ip), country: "", city: "",
        browser: UserAgent.browser(agent), platform: UserAgent.platform(agent), page: page, active: active))
    return id
  }

  /// The server cuts the stored IP at the first ':' (meant for ports; it mangles IPv6).
  static func storedIP(_ ip: String) -> String { String(ip.split(separator: ":", omittingEmptySubsequences: false)[0]) }

  /// Ends the login event of the request's cookie (POST authentication/logout).
  func signOut(cookieToken: String?, ip: String, agent: String?, page: String) {
    guard let cookieToken, let grant = validGrant(cookieToken) else { return }
    deactivate(grant.loginEventId)
    record(
      userId: grant.userId, login: user(id: grant.userId)?.email, action: 1006, ip: ip, agent: agent, page: page,
      active: false, now: Date())
  }

  private func deactivate(_ eventId: Int) {
    if let index = events.firstIndex(where: { $0.id == eventId }) { events[index].active = false }
  }
}
