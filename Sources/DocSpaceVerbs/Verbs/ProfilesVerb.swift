import DSHLanguage

extension DocSpaceVerbs {
  static let profileFields = ["name", "portal", "credential", "user", "caCert"]

  static func profiles(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "profiles", summary: "The portals named in the config file, and how each one's credential is found",
      discussion: """
        Reads $XDG_CONFIG_HOME/dsh/config (default ~/.config/dsh/config). `credential` says where \
        the token comes from (an environment variable, and whether it is set; a token file; a \
        password asked for --user), never the token itself. Each record's name works with \
        connect --profile: for $p in (profiles) { connect --profile $p.name; sessions | count }.
        """,
      category: .connection,
      output: .fixed(.list(.record(name: "profile", fields: profileFields))),
      examples: [Example("profiles | select name portal", "the configured portals", .runs)],
      seeAlso: ["connect"]
    ) { _ in
      let configured = Profiles(environment: portal.environment).all()
      return .list(configured.map { profileRecord($0, environment: portal.environment) })
    }
  }

  static func profileRecord(_ profile: Profiles.Profile, environment: [String: String]) -> Value {
    .record(
      Record(
        kind: "profile",
        fields: [
          ("name", .string(profile.name)), ("portal", .string(profile.portal)),
          ("credential", .string(credentialSource(profile, environment: environment))),
          ("user", Records.text(profile.user)), ("caCert", Records.text(profile.caCertificate)),
        ]))
  }

  /// Where a profile's credential comes from, in the order `connect --profile` looks.
  static func credentialSource(_ profile: Profiles.Profile, environment: [String: String]) -> String {
    if let variable = profile.tokenEnvironment {
      let set = !(environment[variable] ?? "").isEmpty
      return "$\(variable) (\(set ? "set" : "not set"))"
    }
    if let file = profile.tokenFile { return "token file \(file)" }
    if let user = profile.user { return "password for \(user)" }
    return "none (DOCSPACE_TOKEN or a password at connect)"
  }
}
