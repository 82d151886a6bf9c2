import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func disconnect(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "disconnect", summary: "Sign out: end this shell's connection and forget the token",
      category: .connection,
      signature: Signature(flags: [Flag("dry-run", help: "list the request instead of sending it")]),
      output: .fixed(.scalar("null")),
      examples: [],
      seeAlso: ["connect"],
      calls: [Endpoint.signOut.call()], role: "any signed-in user"
    ) { invocation in
      let client = try await portal.client(for: invocation)
      if client.options.dryRun {
        return DryRun.value([try await DryRun.plan { () async throws(APIError) in try await client.signOut() }])
      }
      try await calling { () async throws(APIError) in try await client.signOut() }
      await portal.disconnect()
      invocation.host.inform("disconnected")
      return .null
    }
  }
}
