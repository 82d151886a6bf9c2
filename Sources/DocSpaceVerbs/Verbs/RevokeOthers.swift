import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func revokeOthers(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "revoke-others", summary: "End all your sessions except this shell's",
      discussion: """
        The portal keeps the connection named by the asc_auth_key cookie. With an API key (Bearer) \
        there is no such connection, so every session would end: dsh refuses unless --yes.
        """,
      category: .sessions,
      signature: Signature(flags: SafetyRails.flags),
      output: .fixed(.record(name: "result", fields: ["user", "kept", "closed"])),
      examples: [Example("revoke-others --yes | get closed", "keep only this device", .output("3\n"))],
      seeAlso: ["sessions", "revoke", "change-password"],
      calls: [
        Endpoint.activeConnections.call(purpose: "to count the others and learn which connection is this shell's"),
        Endpoint.me.call(when: journalNamesTheCaller),
        Endpoint.logOutAllExceptThis.call(),
      ],
      role: "any signed-in user", endsSessions: .many
    ) { invocation in
      let client = try await portal.client(for: invocation)
      let before = try await calling { () async throws(APIError) in try await client.activeConnections() }
      let others = before.items.filter { $0.id != before.loginEvent && $0.id != 0 }
      if before.loginEvent == 0 && !invocation.flag("yes") {
        throw CommandFailure(
          .refused,
          "this shell has no connection of its own (an API key): revoke-others would end all \(others.count) of your sessions",
          help: "add --yes to end them all")
      }
      try SafetyRails.checkCount(invocation, count: others.count)
      if client.options.dryRun {
        return DryRun.value([
          try await DryRun.plan { () async throws(APIError) in _ = try await client.logOutAllExceptThis() }
        ])
      }
      try await SafetyRails.confirm(
        invocation, question: "End \(others.count) of your other session\(others.count == 1 ? "" : "s")?",
        needed: others.count > 1)
      let name = try await portal.journaled(verb: "revoke-others", sessions: others.map(\.id), client: client) {
        () async throws(APIError) in try await client.logOutAllExceptThis()
      }
      await portal.forget(sessionIds: Set(others.map(\.id)))
      invocation.host.inform(
        "revoke-others: \(others.count) closed, kept \(before.loginEvent == 0 ? "none" : String(before.loginEvent))")
      return .record(
        Record(
          kind: "result",
          fields: [
            ("user", name.map(Value.string) ?? .null),
            ("kept", before.loginEvent == 0 ? .null : .int(before.loginEvent)),
            ("closed", .int(others.count)),
          ]))
    }
  }
}
