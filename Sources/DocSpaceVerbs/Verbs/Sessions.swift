import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func sessions(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "sessions", summary: "Your own active connections, the shell's own first (current)",
      discussion: """
        DocSpace lists only the caller's own connections, newest first. The portal knows which one \
        is the shell's from the asc_auth_key cookie, so with a login token that one is marked \
        current; with an API key (Bearer) none is.
        """,
      category: .sessions,
      signature: Signature(flags: [SafetyRails.readDryRun]),
      output: .fixed(.list(Records.sessionSchema)),
      examples: [
        Example("sessions | where current | count", "the shell's own connection", .output("1\n")),
        Example("sessions | where date < now - 7d | select id browser date", "older than a week"),
      ],
      seeAlso: ["revoke", "revoke-others", "logins"],
      calls: [Endpoint.activeConnections.call()], role: "any signed-in user"
    ) { invocation in
      let client = try await portal.client(for: invocation)
      let credential = client.credential
      let answer = try await calling { () async throws(APIError) in try await client.activeConnections() }
      await portal.remember(ownConnection: answer.loginEvent, listedWith: credential)
      await portal.remember(sessions: answer.items.filter { $0.id != 0 }.map { ($0.id, Records.describe($0)) })
      await portal.remember(ownSessions: answer.items.map(\.id).filter { $0 != 0 })
      return .list(
        answer.items.map { Records.session($0, current: answer.loginEvent != 0 && $0.id == answer.loginEvent) })
    }
  }
}
