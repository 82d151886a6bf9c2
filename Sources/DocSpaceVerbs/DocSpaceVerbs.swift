import DSHLanguage

/// The API verbs, bound to a portal connection. Each verb's whole story is in its file.
public enum DocSpaceVerbs {
  public static func all(_ portal: PortalConnection) -> [CommandSpec] {
    [
      sessions(portal), revoke(portal), revokeUser(portal), revokeOthers(portal), changePassword(portal),
      logins(portal), sessionsOf(portal), whoami(portal), users(portal), user(portal), connect(portal),
      profiles(portal),
      disconnect(portal),
      api(portal), curl(portal), journal(portal), tour(portal), export(portal), Explanation.spec,
    ]
  }

  static let adminRole = "Owner or DocSpace admin"
}
