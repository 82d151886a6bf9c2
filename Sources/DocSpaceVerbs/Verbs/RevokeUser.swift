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
        its name. Lists run concurrently, as revoke's do (set concurrency), and many emails \
        are found in one scan of the portal's people instead of a lookup each.
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
        Endpoint.me.call(
          when:
            "only when who is signed in is not known yet: the journal names the caller (read alongside the scan), and the question (in the REPL, without --yes) says whether you are among the targets"
        ),
        Endpoint.people.call(
          when:
            "only for more than \(scanAbove) emails not met before: a scan of the people, the pages that many would fill at once, the pages after them (at once) only when they are fewer than the emails still missing"
        ),
        Endpoint.personByEmail.call(
          when: "once per email target the scan did not find (or with no scan), to find its id"),
        Endpoint.person.call(when: "once per id target not met before, to name it; not in a dry run"),
        Endpoint.logOutAllOfUser.call(when: "once per target"),
      ],
      role: "any user for themself; Owner or DocSpace admin for others", endsSessions: .many
    ) { invocation in
      let argument = try invocation.positionalOrInput(0, named: "U")
      let targets = try Targets.users(argument)
      let client = try await portal.client(for: invocation)
      try SafetyRails.checkCount(invocation, count: targets.count)
      if client.options.dryRun {
        await scanForEmails(targets, portal: portal, client: client, concurrency: invocation.settings.concurrency)
        return try await plan(targets, portal: portal, client: client)
      }
      // Who is signed in matters only to the question: with --yes or in a script, no request for it.
      var includesSelf = false
      if SafetyRails.asks(invocation) {
        let me = try await calling { () async throws(APIError) in try await portal.currentUser(client) }
        includesSelf = targets.contains { target in
          if case .id(let id) = target { return id == me.id.lowercased() }
          if case .email(let email) = target { return email.lowercased() == me.email?.lowercased() }
          return false
        }
      }
      await portal.remember(people: Person.inRecords(argument))
      // The journal names the caller: read at the same time as the people, not a round trip after.
      async let callerLearned: Void = portal.learnCaller(client)
      await scanForEmails(targets, portal: portal, client: client, concurrency: invocation.settings.concurrency)
      let people = await Person.lookUp(
        targets.map(\.text), portal: portal, client: client, concurrency: invocation.settings.concurrency)
      await callerLearned
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
      var report = await BulkRunner.run(
        targets, invocation: invocation, verb: "revoke-user", portal: portal, client: client, work)
      for index in report.results.indices { report.results[index].name = names[index] }
      invocation.host.inform(report.summary)
      return try report.finish()
    }
  }

  /// Above this many emails not met before, one scan of every person finds them.
  static let scanAbove = 10

  /// Many emails are found in a paged scan of the portal's people rather than a lookup each:
  /// the pages that many people fill are read at once, the pages after them only when they
  /// are fewer than the emails still missing; who it finds is remembered.
  ///
  /// A page that cannot be read (a user may not list people) leaves its people to the lookups.
  private static func scanForEmails(
    _ targets: [Targets.User], portal: PortalConnection, client: DocSpaceClient, concurrency: Settings.Concurrency
  ) async {
    var emails = Set<String>()
    for case .email(let email) in targets where await portal.person(email) == nil { emails.insert(email.lowercased()) }
    guard emails.count > scanAbove else { return }
    let found = await PeoplePages.scan(
      client, expecting: emails.count, concurrency: PeoplePages.inFlight(concurrency)
    ) { pagesLeft, found in
      let missing = emails.subtracting(found.compactMap { $0.email?.lowercased() })
      return !missing.isEmpty && pagesLeft < missing.count
    }
    await portal.remember(people: found.map(Person.init))
  }

  /// A dry run: each email found (by the scan, or looked up: a read, sent, as the request
  /// needs the id), each `PUT logoutall/{userId}` planned.
  private static func plan(_ targets: [Targets.User], portal: PortalConnection, client: DocSpaceClient) async throws
    -> Value
  {
    var planned: [APIRequest] = []
    for target in targets {
      let id: String
      switch target {
      case .id(let given): id = given
      case .email(let email):
        if let known = await portal.person(email) {
          id = known.id
        } else {
          id = try await calling(role: adminRole) { () async throws(APIError) in
            try await client.person(email: email).id
          }
        }
      }
      planned.append(try await DryRun.plan { () async throws(APIError) in try await client.logOutAll(user: id) })
    }
    return DryRun.value(planned)
  }
}
