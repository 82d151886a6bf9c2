import DSHLanguage
import DocSpaceAPI
import Foundation

extension DocSpaceVerbs {
  static func logins(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "logins", summary: "The portal's sign-in history (admins); its ids are connection ids",
      discussion: """
        Every sign-in, failure and logout of the portal, newest first (at most 100). A successful \
        sign-in's id is its connection id, so admins can pass these records to revoke. --user takes \
        an id, an email or a user record; --since and --until take dates or ISO strings.
        """,
      category: .people,
      signature: Signature(flags: [
        Flag("user", value: "U", help: "only this user's events"), Flag("since", value: "DATE", help: "from this time"),
        Flag("until", value: "DATE", help: "up to this time"),
        Flag("dry-run", help: "print the request instead of sending it"),
      ]),
      output: .fixed(.list(Records.loginSchema)),
      examples: [
        Example(
          "logins --user user@example.com | where actionId == 1000 | count", "a user's earlier sign-ins", .output("3\n")
        ),
        Example(
          "logins --since (now - 1d) | where ip =~ '^203\\.0\\.113\\.' | select id user ip",
          "incident response: sign-ins from a range"),
      ],
      seeAlso: ["revoke", "users"],
      http: [.init("GET", "/api/2.0/security/audit/login/filter")], role: adminRole
    ) { invocation in
      let client = try await portal.client(for: invocation)
      var userId: String?
      if let user = invocation.flags["user"] {
        switch try Targets.users(user, argument: 0).first {
        case .id(let id)?: userId = id
        case .email(let email)?:
          userId = try await calling { () async throws(APIError) in try await client.person(email: email).id }
        case nil: break
        }
      }
      let since = try date(invocation, "since")
      let until = try date(invocation, "until")
      let events = try await calling(role: adminRole) { () async throws(APIError) in
        try await client.loginEvents(userId: userId, from: since.map(DateText.format), to: until.map(DateText.format))
      }
      return .list(
        events.filter { event in
          (since.map { event.date >= $0 } ?? true) && (until.map { event.date <= $0 } ?? true)
        }.map(Records.login))
    }
  }

  static func date(_ invocation: Invocation, _ flag: String) throws -> Date? {
    switch invocation.flags[flag] {
    case nil: return nil
    case .date(let date)?: return date
    case .string(let text)?:
      guard let date = DateText.parse(text) else {
        throw CommandFailure(.usage, "--\(flag) needs a date like 2026-07-10 or now - 7d", argument: .flag(flag))
      }
      return date
    default:
      throw CommandFailure(.usage, "--\(flag) needs a date like 2026-07-10 or now - 7d", argument: .flag(flag))
    }
  }
}
