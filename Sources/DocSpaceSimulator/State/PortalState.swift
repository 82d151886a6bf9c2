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
  }

  let options: SimulatorOptions
  private(set) var users: [SimUser]
  var events: [LoginEventRow]
  var tokens: [String: TokenGrant] = [:]
  var apiKeys: [String: String] = [:]
  var cookieIndex: [String: Int] = [:]
  var failures: [String: [Date]] = [:]
  var blockedUntil: [String: Date] = [:]
  var random: SeededRandom
  var nextEventId: Int
  /// The users' order for each sort a people listing asked for, worked out once: the accounts
  /// never change, and a large portal's pages each sorted every person.
  var peopleOrders: [PeopleQuery.Order: [Int]] = [:]

  init(options: SimulatorOptions, now: Date = Date()) {
    self.options = options
    var random = SeededRandom(seed: options.seed)
    let active = Fixture.users(options: options, random: &random, now: now)
    // The seeded sign-ins came from the portal's own pages, over its own scheme.
    let root = "\(options.tls == nil ? "http" : "https")://\(options.host):\(options.port)"
    var history = SeededRandom(seed: options.seed &+ 0x6869_7374)
    events = Fixture.connections(
      for: active, perUser: options.sessionsPerUser, root: root, random: &random, now: now,
      history: options.historyEvents, historyRandom: &history)
    let users = active + Fixture.inactiveAccounts(now: now)
    // Stored dates have the database's precision (PortalClock.stored).
    self.users = users.map { user in
      var stored = user
      stored.registered = PortalClock.stored(user.registered)
      stored.terminated = user.terminated.map(PortalClock.stored)
      return stored
    }
    nextEventId = (events.map(\.id).max() ?? 999) + 1
    var keyRandom = SeededRandom(seed: 42)
    for user in users.prefix(Fixture.roleAccounts.count) + users.filter({ $0.status == .terminated }) {
      apiKeys["sk-" + keyRandom.token() + keyRandom.token().prefix(16)] = user.id
    }
    self.random = random
    for index in events.indices { events[index].date = PortalClock.stored(events[index].date) }
  }

  /// The `sk-` keys of the role accounts and of the disabled account, for the log and for tests.
  var apiKeyList: [(email: String, key: String)] {
    apiKeys.compactMap { key, userId in user(id: userId).map { ($0.email, key) } }.sorted { $0.email < $1.email }
  }

  func user(id: String) -> SimUser? { users.first { $0.id == id } }

  /// The account a credential names, if it may still authenticate: every scheme ends in
  /// `AuthenticateMeWithoutCookieAsync`, which refuses an account that is not active
  /// (SERVER `common/ASC.Core.Common/Context/SecurityContext.cs:226-229`, "Account disabled").
  func activeUser(id: String) -> SimUser? { user(id: id).flatMap { $0.status == .active ? $0 : nil } }

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
  func mintConnection(for user: SimUser, action: Int, ip: String, agent: String?, page: String, now: Date)
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

  /// Where the event `id` sits in `events`, which are in id order (the fixture numbers them in
  /// date order, and every new one takes the next id): a binary search, not a scan of every
  /// event on each request.
  func eventIndex(id: Int) -> Int? {
    var low = 0
    var high = events.count
    while low < high {
      let middle = (low + high) / 2
      if events[middle].id < id { low = middle + 1 } else { high = middle }
    }
    return low < events.count && events[low].id == id ? low : nil
  }

  func nextEventIdAndAdvance() -> Int {
    defer { nextEventId += 1 }
    return nextEventId
  }

  @discardableResult
  func record(
    userId: String, login: String?, action: Int, ip: String, agent: String?, page: String, active: Bool, now: Date
  ) -> Int {
    let id = nextEventIdAndAdvance()
    events.append(
      LoginEventRow(
        id: id, userId: userId, login: login, action: action, date: PortalClock.stored(now), ip: Self.storedIP(ip),
        country: "", city: "",
        browser: UserAgent.browser(agent), platform: UserAgent.platform(agent), page: page, active: active))
    return id
  }

  /// The server cuts the stored IP at the first ':' (meant for ports; it mangles IPv6).
  static func storedIP(_ ip: String) -> String { String(ip.split(separator: ":", omittingEmptySubsequences: false)[0]) }
}
