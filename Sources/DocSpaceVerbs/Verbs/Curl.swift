import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func curl(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "curl", summary: "The last request sent or planned, as a curl command (secrets left in variables)",
      discussion: """
        The last call this shell sent, or planned in a dry run, as a command to run outside dsh: \
        a login token goes as "$DOCSPACE_TOKEN" (the asc_auth_key cookie), an API key as \
        Bearer "$DOCSPACE_TOKEN", the sign-in's password as "$DOCSPACE_PASSWORD". --all gives \
        every call of the session, oldest first (the latest \(CallLog.capacity)), one a line; \
        a planned one is marked with a comment line before it.
        """,
      category: .connection,
      signature: Signature(flags: [Flag("all", help: "every call of this session, oldest first")]),
      output: .fixed(.scalar("string")),
      examples: [
        Example("whoami | get id; curl", "replay a call outside dsh"),
        Example("revoke 999999 --dry-run; curl", "the request a dry run held back"),
      ],
      seeAlso: ["api", "explain", "set"]
    ) { invocation in
      let calls = portal.calls.all
      guard let last = calls.last else { throw CommandFailure(.usage, "no request has been sent or planned yet") }
      guard invocation.flag("all") else { return .string(last.curl) }
      return .string(
        calls.map { call in (call.planned ? "# planned by a dry run, not sent\n" : "") + call.curl }
          .joined(separator: "\n"))
    }
  }
}
