import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  static func export(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "export", summary: "Take what this shell did home: as a dsh script, or as a Python script of its calls",
      discussion: """
        export dsh FILE writes the REPL entries of this session that ran without an error, in \
        order, as a .dsh script (entries that carry a token or password are left out, and earlier \
        exports). It states no intent of its own: check it with 'dsh check FILE'; in a script, a \
        call that can end many sessions needs --yes or --expect-count N.
        export python [FILE] writes the API calls this shell has sent so far (reads and changes, in \
        order; not the sign-in, not what a dry run only planned) as a Python 3 script, standard \
        library only, that takes no arguments: it reads DOCSPACE_URL and DOCSPACE_TOKEN, has one \
        function per call and stops at the first that fails. Without FILE it is printed.
        Files are created with mode 0600; an existing one is refused unless --force.
        """,
      category: .shell,
      signature: Signature(
        [
          Parameter("FORMAT", help: "dsh (the REPL entries) or python (the calls)").checked(.oneOf(["dsh", "python"])),
          Parameter("FILE", optional: true, help: "a path (~ is home); python without it prints").completing(.files),
        ],
        flags: [Flag("force", help: "replace an existing file")]),
      output: .fixed(.scalar("string")),
      examples: [
        Example("export dsh /tmp/offboarding.dsh --force", "keep what you did as a script", .runs),
        Example("export python | lines | first", "the calls so far, as Python", .output("#!/usr/bin/env python3\n")),
      ],
      seeAlso: ["history", "curl", "save"]
    ) { invocation in
      let python = invocation.positional(0)?.asString == "python"
      let text: String
      let described: String
      if python {
        let sent = portal.calls.all.filter { !$0.planned }.map(\.request)
        let script = PythonScript(requests: sent)
        text = script.text
        described = "\(script.requests.count) call\(script.requests.count == 1 ? "" : "s")"
      } else {
        let entries = await invocation.session.transcript.filter { $0 != "export" && !$0.hasPrefix("export ") }
        text = """
          # Saved by 'dsh export' from a REPL session: the entries that ran without an error.
          # Run 'dsh check' on it before you run it.

          """ + entries.map { $0 + "\n" }.joined()
        described = "\(entries.count) entr\(entries.count == 1 ? "y" : "ies")"
      }
      guard invocation.positional(1) != nil else {
        if python { return .string(text) }
        throw CommandFailure(.usage, "export dsh needs a FILE to write", argument: .positional(0))
      }
      guard let path = invocation.positional(1)?.asString else {
        throw CommandFailure(.usage, "FILE must be a path", argument: .positional(1))
      }
      let expanded = DataFile.expand(path, home: portal.environment["HOME"])
      try DataFile.write(
        Array(text.utf8), to: expanded, shownAs: path, mode: invocation.flag("force") ? .replace : .create,
        argument: .positional(1))
      return .string("saved \(described) to \(path)")
    }
  }
}
