import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func changePassword(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "change-password", summary: "End all your sessions, this shell's too, and get a password-change link",
      discussion: """
        The portal does not change or mail anything: it returns the link. Every token of yours \
        stops working, so dsh drops its own; open the link, set a new password, then connect again.
        """,
      category: .sessions,
      signature: Signature(flags: SafetyRails.flags),
      output: .fixed(.record(name: "result", fields: ["url"])),
      examples: [Example("change-password --yes | get url", "the link to open", .runs)],
      seeAlso: ["revoke-others", "connect"],
      calls: [
        Endpoint.activeConnections.call(purpose: "to journal which sessions end"),
        Endpoint.me.call(when: journalNamesTheCaller),
        Endpoint.logOutAllChangePassword.call(),
      ],
      role: "any signed-in user", endsSessions: .many
    ) { invocation in
      let client = try await portal.client(for: invocation)
      try await SafetyRails.confirm(
        invocation, question: "End ALL your sessions, including this shell's?", needed: true)
      let own = try await calling { () async throws(APIError) in try await client.activeConnections() }
      if client.options.dryRun {
        return DryRun.value([
          try await DryRun.plan { () async throws(APIError) in _ = try await client.logOutAllAndChangePassword() }
        ])
      }
      let url = try await portal.journaled(
        verb: "change-password", sessions: own.items.map(\.id).filter { $0 != 0 }, client: client
      ) {
        () async throws(APIError) in try await client.logOutAllAndChangePassword()
      }
      await portal.forgetCredential()
      invocation.host.inform(
        "change-password: all your sessions ended, this shell's too; open the link, then run connect")
      return .record(Record(kind: "result", fields: [("url", url.map(Value.string) ?? .null)]))
    }
  }
}
