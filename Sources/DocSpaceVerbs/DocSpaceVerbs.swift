import DSHLanguage

/// The API verbs, bound to a portal connection. Each verb's whole story is in its file.
public enum DocSpaceVerbs {
  public static func all(_ portal: PortalConnection) -> [CommandSpec] {
    [
      sessions(portal), revoke(portal), revokeUser(portal), revokeOthers(portal), changePassword(portal),
      logins(portal), whoami(portal), users(portal), user(portal), connect(portal), disconnect(portal),
      api(portal), curl(portal), journal(portal),
    ]
  }

  static func journal(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "journal",
      summary: "The local record of sessions this shell has ended (time, portal, caller, verb, outcomes)",
      discussion: "Kept in $XDG_STATE_HOME/dsh/journal.jsonl (default ~/.local/state/dsh/), one JSON object a line.",
      category: .shell,
      output: .fixed(.list(.record(name: "journal", fields: ["time", "portal", "caller", "verb", "results"]))),
      examples: [Example("journal | where verb == \"revoke\" | count", "what was ended", .runs)],
      seeAlso: ["revoke", "history"]
    ) { _ in
      .list(Journal(environment: portal.environment).entries())
    }
  }

  static let connectionsPath = "/api/2.0/security/activeconnections"
  static let adminRole = "Owner or DocSpace admin"
}
