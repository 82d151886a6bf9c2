import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func users(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "users", summary: "The portal's people, every page (Owner, admins, room admins)",
      category: .people,
      signature: Signature(flags: [
        Flag("search", value: "TEXT", help: "every word must appear in a name or email (active people, as without it)"),
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
}
