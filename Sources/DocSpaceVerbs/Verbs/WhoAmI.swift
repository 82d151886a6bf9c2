import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func whoami(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "whoami", summary: "Who the shell is signed in as, and how",
      category: .connection,
      signature: Signature(flags: [SafetyRails.readDryRun]),
      output: .fixed(.record(name: "user", fields: Records.userFields + ["portal", "credential", "loginEventId"])),
      examples: [Example("whoami | get role", "the role decides what you may end", .output("Owner\n"))],
      seeAlso: ["connect", "sessions"],
      calls: [Endpoint.me.call()], role: "any signed-in user"
    ) { invocation in
      let client = try await portal.client(for: invocation)
      let me = try await calling { () async throws(APIError) in try await portal.readMe(client) }
      guard case .record(var record) = Records.user(me) else { return .null }
      record["portal"] = .string(client.configuration.baseURL.absoluteString)
      switch client.credential {
      case .loginToken: record["credential"] = "login token (cookie)"
      case .apiKey: record["credential"] = "API key (Bearer)"
      case .none: record["credential"] = "none"
      }
      record["loginEventId"] = .int(me.loginEventId ?? 0)
      return .record(record)
    }
  }
}
