import DSHLanguage
import DocSpaceAPI
import Foundation

extension DocSpaceVerbs {
  static let signInFields = [
    "id", "date", "current", "ended", "ip", "city", "country", "browser", "platform", "user", "userId", "action",
    "actionId", "page",
  ]

  static func sessionsOf(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "sessions-of", summary: "A user's sign-ins from the history: the connection ids revoke accepts (admins)",
      discussion: """
        The user's successful sign-ins from the portal's sign-in history, newest first; each id \
        is a connection id for revoke. current: true marks the shell's own connection; \
        ended: true marks those this shell's journal shows ended (revoke closed them or found \
        them not active, or revoke-user ended all of the user's sessions after they began). \
        The API cannot tell which of another person's connections are still open: DocSpace \
        lists only the caller's own (see sessions), so a sign-in here may have ended long ago \
        (signed out, expired, ended elsewhere). revoke of an ended one answers not-active, \
        harmlessly. --since stops the reading at a date; without it the whole history is read, \
        100 events a request.
        """,
      category: .sessions,
      signature: Signature(
        [
          Parameter("USER", optional: true, help: "an email, a user id or a user record; or from a pipeline")
            .completing(.people)
        ],
        flags: [Flag("since", value: "DATE", help: "only sign-ins from this time")]),
      output: .fixed(.list(.record(name: "signin", fields: signInFields))),
      examples: [
        Example("sessions-of user@example.com | count", "a user's sign-ins in the history", .output("3\n")),
        Example("sessions-of owner@example.com | where current | count", "the shell's own connection", .output("1\n")),
        Example(
          "sessions-of user@example.com --since (now - 30d) | where not ended | revoke --yes | select target outcome",
          "end a user's recent connections"),
      ],
      seeAlso: ["logins", "revoke", "revoke-user", "sessions", "journal"],
      calls: userLookups + [
        Endpoint.me.call(
          when:
            "only when no connect, whoami or sessions has named the shell's own connection with the credential in use"),
        Endpoint.loginEvents.call(purpose: "once per 100 events, back to --since"),
      ],
      role: adminRole
    ) { invocation in
      let user = try invocation.positionalOrInput(0, named: "a user (an email, an id or a user record)")
      var filter = LoginHistory.Filter()
      filter.since = try date(invocation, "since")
      filter.actions = LoginAction.successes
      let client = try await portal.client(for: invocation)
      let (userId, email) = try await resolveLoginUser(user, client)
      filter.userId = userId
      let own = try await calling { () async throws(APIError) in try await portal.ownConnection(client) }
      let reading = try await calling(role: adminRole) { () async throws(APIError) in
        try await LoginHistory(client: client, host: invocation.host, verb: "sessions-of").read(filter)
      }
      let ended = EndedConnections(
        paths: JournalPaths(environment: portal.environment), portal: client.configuration.baseURL.absoluteString)
      await portal.remember(signIns: reading.events)
      return .list(
        reading.events.map { event in
          signIn(event, current: own != 0 && event.id == own, ended: ended.contains(event, email: email))
        })
    }
  }

  static func signIn(_ event: LoginEvent, current: Bool, ended: Bool) -> Value {
    let text = Records.text
    return .record(
      Record(
        kind: "signin",
        fields: [
          ("id", .int(event.id)), ("date", .date(event.date)), ("current", .bool(current)), ("ended", .bool(ended)),
          ("ip", text(event.ip)), ("city", text(event.city)), ("country", text(event.country)),
          ("browser", text(event.browser)), ("platform", text(event.platform)), ("user", text(event.user)),
          ("userId", text(event.userId)), ("action", text(event.action)), ("actionId", .int(event.actionId)),
          ("page", text(event.page)),
        ]))
  }
}
