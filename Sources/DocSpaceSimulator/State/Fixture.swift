import Foundation

/// The accounts and connections a simulated portal starts with.
enum Fixture {
  static let password = "demo-password"

  /// The five role accounts; their ids never change.
  static let roleAccounts: [(id: String, first: String, last: String, email: String, role: SimUser.Role)] = [
    ("66faa6e4-f133-11ea-b126-00ffeec8b4ef", "Olivia", "Owner", "owner@example.com", .owner),
    ("0b8f3c2e-5a1d-4e6f-9b7a-1c2d3e4f5a61", "Adam", "Admin", "admin@example.com", .docSpaceAdmin),
    ("1c9e4d3f-6b2e-4f70-8c8b-2d3e4f5a6b72", "Rita", "Roomadmin", "roomadmin@example.com", .roomAdmin),
    ("2daf5e40-7c3f-4081-9d9c-3e4f5a6b7c83", "Uma", "User", "user@example.com", .user),
    ("3eb06f51-8d40-4192-8ead-4f5a6b7c8d94", "Gus", "Guest", "guest@example.com", .guest),
  ]

  /// A disabled account, which cannot sign in (403 "User disabled") and whose stored API key no
  /// longer authenticates, and an invited one that has not joined: no name and no password yet, as
  /// `AddInvitedUserAsync` creates it (SERVER
  /// `web/ASC.Web.Core/Users/UserManagerWrapper.cs:121-131`).
  ///
  /// Neither has a connection.
  static func inactiveAccounts(now: Date) -> [SimUser] {
    var disabled = SimUser(
      id: "4fc17062-9e51-42a3-9fbe-5a6b7c8d9ea5", firstName: "Dina", lastName: "Disabled",
      email: "disabled@example.com", userName: "disabled", password: password, role: .user,
      registered: now.addingTimeInterval(-300 * 86_400))
    disabled.status = .terminated
    disabled.terminated = now.addingTimeInterval(-30 * 86_400)
    var invited = SimUser(
      id: "50d28173-af62-43b4-80cf-6b7c8d9eafb6", firstName: "", lastName: "", email: "pending@example.com",
      userName: "pending", password: "", role: .user, registered: now.addingTimeInterval(-2 * 86_400))
    invited.status = .pending
    invited.activation = .pending
    return [disabled, invited]
  }

  static let firstNames = [
    "Amelia", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam", "Maya",
    "Noah", "Oksana", "Pablo", "Quinn", "Rosa", "Sven", "Tara",
  ]
  static let lastNames = [
    "Novak", "Schmidt", "Garcia", "Ivanova", "Tanaka", "Okafor", "Rossi", "Dubois", "Larsen", "Kowalski", "Haddad",
    "Silva", "Nguyen", "Brown", "Petrov",
  ]
  static let browsers = ["Chrome 120", "Firefox 121", "Safari 17", "Edge 120", "Chrome Mobile 119", "Other"]
  static let platforms = ["Windows 10", "Mac OS X 10", "Linux", "Android 14", "iOS 17", "Other"]
  static let places: [(country: String, city: String, prefix: String)] = [
    ("Germany", "Berlin", "203.0.113."), ("Latvia", "Riga", "198.51.100."), ("United States", "Boston", "192.0.2."),
    ("Japan", "Osaka", "203.0.113."), ("Brazil", "Recife", "198.51.100."), ("", "", "192.0.2."),
  ]

  /// One of `items`, drawn exactly as `randomElement(using:)` draws it (so a seed gives the fixture
  /// it always gave); `items` is one of the constant, non-empty lists above.
  private static func pick<Item>(_ items: [Item], _ random: inout SeededRandom) -> Item {
    items[Int.random(in: 0..<items.count, using: &random)]
  }

  static func users(options: SimulatorOptions, random: inout SeededRandom, now: Date) -> [SimUser] {
    var users = roleAccounts.map { account in
      SimUser(
        id: account.id, firstName: account.first, lastName: account.last, email: account.email,
        userName: String(account.email.split(separator: "@")[0]), password: password, role: account.role,
        registered: now.addingTimeInterval(-400 * 86_400))
    }
    var taken = Set(users.map(\.email))
    for index in 0..<max(0, options.users) {
      let first = pick(firstNames, &random)
      let last = pick(lastNames, &random)
      var email = "\(first).\(last)@example.com".lowercased()
      if taken.contains(email) { email = "\(first).\(last)\(index)@example.com".lowercased() }
      taken.insert(email)
      let role: SimUser.Role = pick([.user, .user, .user, .roomAdmin, .guest], &random)
      users.append(
        SimUser(
          id: random.guid(), firstName: first, lastName: last, email: email,
          userName: String(email.split(separator: "@")[0]), password: password, role: role,
          registered: now.addingTimeInterval(-Double(Int.random(in: 1...700, using: &random)) * 86_400)))
    }
    return users
  }

  /// Older sign-ins for every user, each still an active connection, and `history` more events of
  /// the past 90 days (drawn from `historyRandom`, so the connections stay the same).
  ///
  /// Ids follow the dates.
  static func connections(
    for users: [SimUser], perUser: Int, root: String, random: inout SeededRandom, now: Date, history: Int = 0,
    historyRandom: inout SeededRandom
  ) -> [LoginEventRow] {
    var rows = pastEvents(history, of: users, root: root, random: &historyRandom, now: now)
    for user in users {
      for _ in 0..<max(0, perUser) {
        let place = pick(places, &random)
        let age = Double(Int.random(in: 600...(60 * 86_400), using: &random))
        rows.append(
          LoginEventRow(
            id: 0, userId: user.id, login: user.email, action: 1000, date: now.addingTimeInterval(-age),
            ip: place.prefix + String(Int.random(in: 2...250, using: &random)), country: place.country,
            city: place.city,
            browser: pick(browsers, &random), platform: pick(platforms, &random),
            page: "\(root)/", active: true))
      }
    }
    rows.sort { $0.date < $1.date }
    for index in rows.indices { rows[index].id = 1000 + index }
    return rows
  }

  /// Sign-ins that have ended, logouts, and failed sign-ins (under Guest, with the typed
  /// login: a user's email, or an address nobody has).
  static func pastEvents(_ count: Int, of users: [SimUser], root: String, random: inout SeededRandom, now: Date)
    -> [LoginEventRow]
  {
    guard !users.isEmpty else { return [] }
    var rows: [LoginEventRow] = []
    for _ in 0..<max(0, count) {
      let user = users[Int.random(in: 0..<users.count, using: &random)]
      let place = places[Int.random(in: 0..<places.count, using: &random)]
      let age = Double(Int.random(in: 600...(90 * 86_400), using: &random))
      let draw = Int.random(in: 0..<20, using: &random)
      let action: Int
      switch draw {
      case 0..<11: action = draw.isMultiple(of: 2) ? 1000 : 1010
      case 11: action = 1029
      case 12..<15: action = 1006
      case 19: action = 1023
      default: action = 1013
      }
      let failed = LoginEventRow.failureActions.contains(action)
      let typed = failed && draw == 18 ? "no.such.person@example.com" : user.email
      rows.append(
        LoginEventRow(
          id: 0, userId: failed ? PortalState.guestId : user.id, login: typed, action: action,
          date: now.addingTimeInterval(-age),
          ip: place.prefix + String(Int.random(in: 2...250, using: &random)), country: place.country, city: place.city,
          browser: browsers[Int.random(in: 0..<browsers.count, using: &random)],
          platform: platforms[Int.random(in: 0..<platforms.count, using: &random)], page: "\(root)/",
          active: false))
    }
    return rows
  }
}
