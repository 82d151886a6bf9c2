import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func revokeUser(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "revoke-user", summary: "End every session of users (yourself, or anyone as an admin)",
      discussion: """
        U is a user record, a user id, an email, or a list of them. Every token the user holds \
        stops working. Ending your own also ends this shell's connection; the portal hands the \
        shell a fresh one, which dsh keeps using.
        """,
      category: .sessions,
      signature: Signature(
        [Parameter("U", optional: true, help: "user record, user id, email, or a list of them; default: the input")],
        flags: SafetyRails.flags),
      output: .fixed(.list(Records.resultSchema)),
      examples: [
        Example(
          "revoke-user user@example.com | get outcome", "offboarding: end all of a user's sessions", .output("closed\n")
        )
      ],
      seeAlso: ["revoke", "users", "user"],
      http: [.init("PUT", connectionsPath + "/logoutall/{userId}"), .init("GET", "/api/2.0/people/email?email=…")],
      role: "any user for themself; Owner or DocSpace admin for others"
    ) { invocation in
      let targets = try Targets.users(try invocation.positionalOrInput(0, named: "U"))
      let client = try await portal.client(for: invocation)
      try SafetyRails.checkCount(invocation, count: targets.count)
      if SafetyRails.isDryRun(invocation) {
        return SafetyRails.plannedRequests(
          targets.map { target in
            switch target {
            case .id(let id): return ("PUT", "\(connectionsPath)/logoutall/\(id)")
            case .email(let email): return ("PUT", "\(connectionsPath)/logoutall/{id of \(email)}")
            }
          })
      }
      let me = try await calling { () async throws(APIError) in try await portal.currentUser(client) }
      let includesSelf = targets.contains { target in
        if case .id(let id) = target { return id == me.id }
        if case .email(let email) = target { return email.lowercased() == me.email?.lowercased() }
        return false
      }
      try await SafetyRails.confirm(
        invocation,
        question:
          "End every session of \(SafetyRails.list(targets.map(\.label)))\(includesSelf ? ", including your own (this shell gets a new connection)" : "")?",
        needed: targets.count > 1 || includesSelf)
      let work: @Sendable (Targets.User) async -> Value = { target in
        var label: Value = .null
        do throws(APIError) {
          let id: String
          switch target {
          case .id(let given):
            id = given
            label = .string(given)
          case .email(let email):
            label = .string(email)
            id = try await client.person(email: email).id
          }
          try await client.logOutAll(user: id)
          return Records.result(target: label, outcome: "closed", status: 200, error: nil)
        } catch {
          if case .accessDenied = error {
            return Records.result(
              target: label, outcome: "forbidden", status: 403,
              error: "ending another user's sessions needs the \(adminRole) role")
          }
          return Records.result(
            target: label, outcome: error == .cancelled ? "cancelled" : "failed", status: error.status,
            error: error.message)
        }
      }
      return try await BulkRunner.run(targets, invocation: invocation, verb: "revoke-user", portal: portal, work)
    }
  }
}
