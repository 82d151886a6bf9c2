import DSHLanguage
import DocSpaceAPI
import Foundation

extension DocSpaceVerbs {
  static func logins(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "logins", summary: "The portal's sign-in history (admins); its ids are connection ids",
      discussion: """
        Every sign-in, failure and logout of the portal, newest first. A successful sign-in's id \
        is its connection id, so admins can pass these records to revoke. DocSpace pages its \
        history before it filters, so dsh reads it unfiltered, 100 events a request, and \
        filters itself: --user (an id, an email or a user record; with an email or a record, \
        failed sign-ins typed with that email count too: they are recorded under the Guest \
        account), --action (login, failed, logout, a MessageAction name such as \
        LoginFailViaApi, or a number such as 1013), --since and --until (dates or ISO \
        strings). Reading stops at --since, or after --limit N matches. Without --since, \
        --limit or --all a script is refused before any request (the whole history may be \
        thousands of requests); the REPL asks when there is more than one page. A plan \
        without the Audit feature shows only its latest 20 events, and dsh says so.
        """,
      category: .people,
      signature: Signature(flags: [
        Flag("user", value: "U", help: "only this user's events").completing(.people),
        Flag("since", value: "DATE", help: "from this time").checked(.date),
        Flag("until", value: "DATE", help: "up to this time").checked(.date),
        Flag("action", value: "A", help: "login, failed, logout, a MessageAction name or number"),
        Flag("limit", value: "N", help: "stop after N matching events").checked(.int(1...Int.max)),
        Flag("all", help: "read the whole history, however long"),
        SafetyRails.readDryRun,
      ]),
      output: .fixed(.list(Records.loginSchema)),
      examples: [
        Example(
          "logins --user user@example.com --all | where actionId == 1000 | count", "a user's earlier sign-ins",
          .output("3\n")),
        Example(
          "logins --since (now - 1d) | where ip =~ '^203\\.0\\.113\\.' | select id user ip",
          "incident response: sign-ins from a range"),
        Example("logins --action failed --limit 20 | select date login ip", "the latest failed sign-ins"),
        Example("logins", "a script must bound the reading", .error("E209")),
      ],
      seeAlso: ["sessions-of", "revoke", "users"],
      calls: userLookups + [
        Endpoint.loginEvents.call(
          purpose: "once per 100 events; unbounded in the REPL, also for single-event pages that count the pages")
      ],
      role: adminRole,
      scriptBound: LoginBounds.scriptBound
    ) { invocation in
      let bounds = try LoginBounds(invocation)
      let client = try await portal.client(for: invocation)
      var filter = bounds.filter
      if let user = invocation.flags["user"] {
        (filter.userId, filter.email) = try await resolveLoginUser(user, client)
      }
      let history = LoginHistory(client: client, host: invocation.host, verb: "logins")
      var first: [LoginEvent]?
      var totalPages: Int?
      if bounds.isUnbounded {
        let page = try await calling(role: adminRole) { () async throws(APIError) in
          try await client.loginEvents(startIndex: 0)
        }
        first = page
        if page.count >= LoginHistory.pageSize {
          let pages = try await calling(role: adminRole) { () async throws(APIError) in try await history.pageCount() }
          totalPages = pages
          try await bounds.confirmWholeHistory(invocation, pages: pages)
        }
      }
      let reading = try await calling(role: adminRole) { () async throws(APIError) in
        try await history.read(filter, first: first, totalPages: totalPages)
      }
      await portal.remember(signIns: reading.events)
      return .list(reading.events.map(Records.login))
    }
  }

  /// The lookups of `resolveLoginUser`.
  static let userLookups = [
    Endpoint.personByEmail.call(when: "for a user given by email, to find the id"),
    Endpoint.person.call(when: "for a user given by id alone, to find the email"),
  ]

  /// `--user`: the id to match, and the email whose failed sign-ins count too (when known).
  static func resolveLoginUser(_ value: Value, _ client: DocSpaceClient) async throws -> (String?, String?) {
    switch try Targets.users(value, argument: 0).first {
    case .id(let id)?:
      if let email = value.asRecord?["email"]?.asString { return (id, email) }
      return (id, try? await client.person(idOrUserName: id).email)
    case .email(let email)?:
      let id = try await calling { () async throws(APIError) in try await client.person(email: email).id }
      return (id.lowercased(), email)
    case nil:
      return (nil, nil)
    }
  }
}
