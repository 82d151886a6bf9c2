import DSHLanguage
import DocSpaceAPI
import Foundation

extension DocSpaceVerbs {
  static func revoke(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "revoke", summary: "End sessions by id: yours, or (admins) anyone's",
      discussion: """
        S is a session or login record, a connection id, or a list of them. Each target gets one \
        result record: closed, not-active (unknown or already ended), forbidden or failed. Lists run \
        concurrently (set concurrency). A list skips the shell's own connection unless --include-self.
        """,
      category: .sessions,
      signature: Signature(
        [
          Parameter(
            "S", optional: true, help: "session/login record, connection id, or a list of them; default: the input")
        ],
        flags: SafetyRails.flags + [Flag("include-self", help: "a list may end the shell's own connection too")]),
      output: .unknown,
      examples: [
        Example(
          "$s = sessions | where not current; revoke $s[0] | get outcome", "end one session", .output("closed\n")),
        Example("revoke 999999 | get outcome", "an unknown id is not an error", .output("not-active\n")),
        Example("revoke (sessions | where not current) --dry-run | count", "see the requests first", .output("3\n")),
      ],
      seeAlso: ["sessions", "logins", "revoke-user", "revoke-others"],
      http: [.init("PUT", connectionsPath + "/logout/{loginEventId}")],
      role: "any user for their own; Owner or DocSpace admin for others'"
    ) { invocation in
      let argument = try invocation.positionalOrInput(0, named: "S")
      var targets = try Targets.sessions(argument)
      let isList = argument.asList != nil
      let client = try await portal.client(for: invocation)
      let own = try await calling { () async throws(APIError) in try await client.activeConnections().loginEvent }
      if isList && !invocation.flag("include-self") && own != 0 {
        let before = targets.count
        targets.removeAll { $0.id == own }
        if targets.count < before {
          invocation.host.inform("revoke: skipping the shell's own connection \(own) (add --include-self to end it)")
        }
      }
      try SafetyRails.checkCount(invocation, count: targets.count)
      if SafetyRails.isDryRun(invocation) {
        return SafetyRails.plannedRequests(targets.map { ("PUT", "\(connectionsPath)/logout/\($0.id)") })
      }
      let includesOwn = own != 0 && targets.contains { $0.id == own }
      let users = Set(targets.compactMap(\.userId)).sorted()
      let myId = await portal.me?.id
      let owners = users.map { $0 == myId ? "you" : $0 }
      try await SafetyRails.confirm(
        invocation,
        question:
          "End \(targets.count) session\(targets.count == 1 ? "" : "s")\(owners.isEmpty ? "" : " of \(SafetyRails.list(owners))")\(includesOwn ? ", including this shell's own" : "")?",
        needed: targets.count > 1 || includesOwn)
      let work: @Sendable (Targets.Session) async -> Value = { target in
        do throws(APIError) {
          let closed = try await client.logOut(connection: target.id)
          return Records.result(
            target: target.label, outcome: closed ? "closed" : "not-active", status: 200, error: nil)
        } catch {
          if case .accessDenied = error {
            return Records.result(
              target: target.label, outcome: "forbidden", status: 403,
              error: "ending another user's session needs the \(adminRole) role")
          }
          return Records.result(
            target: target.label, outcome: error == .cancelled ? "cancelled" : "failed", status: error.status,
            error: error.message)
        }
      }
      await portal.forget(sessionIds: Set(targets.map(\.id)))
      guard isList else {
        let result = await work(targets[0])
        await portal.journal(verb: "revoke", results: .list([result]))
        if let outcome = result.asRecord?["outcome"]?.asString,
          outcome == "forbidden" || outcome == "failed" || outcome == "cancelled"
        {
          let status = result.asRecord?["status"]?.asInt
          let kind: CommandFailure.Kind = outcome == "cancelled" ? .interrupted : .api
          throw CommandFailure(
            kind, result.asRecord?["error"]?.asString ?? outcome, status: status, argument: .positional(0))
        }
        return result
      }
      return try await BulkRunner.run(targets, invocation: invocation, verb: "revoke", portal: portal, work)
    }
  }
}
