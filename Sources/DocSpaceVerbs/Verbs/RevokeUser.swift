import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func revokeUser(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "revoke-user", summary: "End every session of users (yourself, or anyone as an admin)",
      discussion: """
        U is a user record, a user id, an email, or a list of them. Every token the user holds \
        stops working. Ending your own also ends this shell's connection; the portal hands the \
        shell a fresh one, which dsh keeps using. The REPL asks first, for one person too, \
        naming each as Display Name <email>; each result keeps the target as given and adds \
        its name.
        """,
      category: .sessions,
      signature: Signature(
        [
          Parameter("U", optional: true, help: "user record, user id, email, or a list of them; default: the input")
            .checked(Targets.userCheck).completing(.people)
        ],
        flags: SafetyRails.flags),
      output: .fixed(.list(Records.resultSchema)),
      examples: [
        Example(
          "revoke-user user@example.com --yes | get outcome", "offboarding: end all of a user's sessions",
          .output("closed\n")
        )
      ],
      seeAlso: ["revoke", "users", "user"],
      calls: [
        Endpoint.me.call(when: "only when who is signed in is not known yet; not in a dry run"),
        Endpoint.personByEmail.call(when: "once per email target, to find its id (and name it)"),
        Endpoint.person.call(when: "once per id target not met before, to name it; not in a dry run"),
        Endpoint.logOutAllOfUser.call(when: "once per target"),
      ],
      role: "any user for themself; Owner or DocSpace admin for others", endsSessions: .many
    ) { invocation in
      let argument = try invocation.positionalOrInput(0, named: "U")
      let targets = try Targets.users(argument)
      let client = try await portal.client(for: invocation)
      try SafetyRails.checkCount(invocation, count: targets.count)
      if client.options.dryRun { return try await plan(targets, client) }
      let me = try await calling { () async throws(APIError) in try await portal.currentUser(client) }
      let includesSelf = targets.contains { target in
        if case .id(let id) = target { return id == me.id.lowercased() }
        if case .email(let email) = target { return email.lowercased() == me.email?.lowercased() }
        return false
      }
      await portal.remember(people: Person.inRecords(argument))
      let people = await Person.lookUp(
        targets.map(\.text), portal: portal, client: client, concurrency: invocation.settings.concurrency)
      try SafetyRails.stopIfInterrupted()
      let names = targets.map { people[$0.text.lowercased()]?.text }
      // Every target asks, one too: all of a person's sessions end, on every device.
      try await SafetyRails.confirm(
        invocation,
        question:
          "End every session of \(SafetyRails.list(zip(targets, names).map { $1 ?? $0.text }))\(includesSelf ? ", including your own (this shell gets a new connection)" : "")?",
        needed: !targets.isEmpty)
      var options = client.options
      options.retriesRateLimits = false
      let bulk = client.with(options)
      let work: @Sendable (Targets.User, SendHook) async -> Attempt = { target, hook in
        let id: String
        switch target {
        case .id(let given): id = given
        case .email(let email):
          if let known = people[email.lowercased()] {
            id = known.id
          } else {
            do throws(APIError) {
              id = try await bulk.person(email: email).id
            } catch {
              return Attempt(error, sent: false, forbidden: "looking up users needs the \(adminRole) role")
            }
          }
        }
        hook.willSend(.user(id))
        do throws(APIError) {
          // PUT logoutall/{userId} is idempotent: sent twice, the second finds nothing to end.
          try await bulk.logOutAll(user: id)
          return .finished(.closed, status: 200, error: nil)
        } catch {
          return Attempt(error, sent: true, forbidden: "ending another user's sessions needs the \(adminRole) role")
        }
      }
      var report = await BulkRunner.run(targets, invocation: invocation, verb: "revoke-user", portal: portal, work)
      for index in report.results.indices { report.results[index].name = names[index] }
      invocation.host.inform(report.summary)
      return try report.finish()
    }
  }

  /// A dry run: each email looked up (a read, sent: the request needs the id), each
  /// `PUT logoutall/{userId}` planned.
  private static func plan(_ targets: [Targets.User], _ client: DocSpaceClient) async throws -> Value {
    var planned: [APIRequest] = []
    for target in targets {
      let id: String
      switch target {
      case .id(let given): id = given
      case .email(let email):
        id = try await calling(role: adminRole) { () async throws(APIError) in try await client.person(email: email).id
        }
      }
      planned.append(try await DryRun.plan { () async throws(APIError) in try await client.logOutAll(user: id) })
    }
    return DryRun.value(planned)
  }
}
