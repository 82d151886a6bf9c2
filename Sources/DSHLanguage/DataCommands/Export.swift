import Foundation

extension DataCommands {
  static let export = CommandSpec(
    name: "export", summary: "Save what this REPL session did as a script",
    discussion: """
      export dsh FILE writes the REPL entries of this session that ran without an error, in \
      order, as a .dsh script: a procedure worked out by hand, kept to run again. Entries that \
      carry a secret (a token or password) are not kept, nor earlier exports. The script states \
      no intent of its own: check it with 'dsh check FILE'; in a script, a call that can end many \
      sessions needs --yes or --expect-count N. The file is created with mode 0600; an existing \
      one is refused unless --force.
      """,
    category: .shell,
    signature: Signature(
      [
        Parameter("FORMAT", help: "dsh: the REPL entries as a script").checked(.oneOf(["dsh"])),
        Parameter("FILE", help: "a path (~ is home)").completing(.files),
      ],
      flags: [Flag("force", help: "replace an existing file")]),
    output: .fixed(.scalar("string")),
    examples: [Example("export dsh /tmp/offboarding.dsh --force", "keep what you did as a script", .runs)],
    seeAlso: ["history", "save"]
  ) { invocation in
    let path = try TextInput.string(invocation, at: 1, named: "FILE")
    let entries = await invocation.session.transcript.filter { !$0.hasPrefix("export ") && $0 != "export" }
    let header = """
      # Saved by 'dsh export' from a REPL session: the entries that ran without an error.
      # Run 'dsh check' on it before you run it.

      """
    let text = header + entries.map { $0 + "\n" }.joined()
    let expanded = DataFile.expand(path, home: await invocation.session.environment["HOME"])
    try DataFile.write(
      Array(text.utf8), to: expanded, shownAs: path, mode: invocation.flag("force") ? .replace : .create,
      argument: .positional(1))
    let count = entries.count
    return .string("saved \(count) entr\(count == 1 ? "y" : "ies") to \(path)")
  }
}
