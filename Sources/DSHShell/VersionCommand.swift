import DSHLanguage
import DSHVersion

extension ShellCommands {
  static let version = CommandSpec(
    name: "version", summary: "The version of dsh and the commit it was built from",
    discussion: "The same as `dsh --version`. The commit is null when dsh was built outside a git checkout.",
    category: .shell,
    output: .fixed(.record(name: "version", fields: ["version", "commit"])),
    examples: [Example("version", "the version record")]
  ) { _ in
    .record(
      Record(
        kind: "version",
        fields: [("version", .string(Version.number)), ("commit", Version.commit.map(Value.string) ?? .null)]))
  }
}
