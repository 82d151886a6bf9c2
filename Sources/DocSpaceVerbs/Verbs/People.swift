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
      switch await client.credential {
      case .loginToken: record["credential"] = "login token (cookie)"
      case .apiKey: record["credential"] = "API key (Bearer)"
      case .none: record["credential"] = "none"
      }
      record["loginEventId"] = .int(me.loginEventId ?? 0)
      return .record(record)
    }
  }

  static func users(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "users", summary: "The portal's people, every page (Owner, admins, room admins)",
      category: .people,
      signature: Signature(flags: [
        Flag("search", value: "TEXT", help: "every word must appear in a name or email"),
        SafetyRails.readDryRun,
      ]),
      output: .fixed(.list(Records.userSchema)),
      examples: [
        Example("users | where role == \"Guest\" | get email", "everyone with a role", .output("guest@example.com\n"))
      ],
      seeAlso: ["user", "revoke-user"],
      calls: [
        Endpoint.people.call(when: "without --search; once per 100 people"),
        Endpoint.peopleSearch.call(when: "with --search; once per 100 matches"),
      ],
      role: "Owner, DocSpace admin or Room admin"
    ) { invocation in
      let client = try await portal.client(for: invocation)
      let search = invocation.flags["search"]?.displayText
      let people = try await calling(role: "Owner, DocSpace admin or Room admin") { () async throws(APIError) in
        try await client.allPeople(search: search)
      }
      // `users | … | revoke-user` then names everyone without a lookup each; Tab offers their emails.
      await portal.remember(people: people.map(Person.init))
      return .list(people.map(Records.user))
    }
  }

  static func user(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "user", summary: "One person, by id, user name or email",
      category: .people,
      signature: Signature(
        [Parameter("ID_OR_EMAIL", help: "a user id, user name, or email").completing(.people)],
        flags: [SafetyRails.readDryRun]),
      output: .fixed(Records.userSchema),
      examples: [Example("user admin@example.com | get role", "look someone up", .output("DocSpaceAdmin\n"))],
      seeAlso: ["users", "revoke-user"],
      calls: [
        Endpoint.person.call(when: "given an id or a user name"), Endpoint.personByEmail.call(when: "given an email"),
      ],
      role: "self; others: Owner, DocSpace admin or Room admin"
    ) { invocation in
      let client = try await portal.client(for: invocation)
      let key = invocation.positional(0)?.displayText ?? ""
      let found = try await calling(role: "Owner, DocSpace admin or Room admin") { () async throws(APIError) in
        key.contains("@") ? try await client.person(email: key) : try await client.person(idOrUserName: key)
      }
      return Records.user(found)
    }
  }
}
