import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
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
