import DSHLanguage

/// The API verbs, bound to a portal connection.
///
/// Each verb is declared and implemented in its own file under `Verbs/`; what several verbs
/// share (targets, the bulk runner, the journal, records) is in `Support/`.
public enum DocSpaceVerbs {
  /// In alphabetical order of their names (a test holds it so).
  public static func all(_ portal: PortalConnection) -> [CommandSpec] {
    [
      api(portal), changePassword(portal), connect(portal), curl(portal), disconnect(portal), Explanation.spec,
      export(portal), journal(portal), logins(portal), profiles(portal), revoke(portal), revokeOthers(portal),
      revokeUser(portal), sessions(portal), sessionsOf(portal), tour(portal), user(portal), users(portal),
      whoami(portal),
    ]
  }

  static let adminRole = "Owner or DocSpace admin"
}
