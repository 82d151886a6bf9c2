import DSHLanguage

extension ShellCommands {
  static func history(_ store: HistoryStore?) -> CommandSpec {
    CommandSpec(
      name: "history", summary: "Earlier REPL entries for this portal, oldest first",
      category: .shell, output: .fixed(.list(.record(name: "entry", fields: ["index", "line"]))),
      examples: [Example("history | count", "how many are kept", .runs)],
      seeAlso: ["vars"]
    ) { _ in
      let entries = store?.load() ?? []
      return .list(
        entries.enumerated().map { index, line in
          .record(Record(kind: "entry", fields: [("index", .int(index + 1)), ("line", .string(line))]))
        })
    }
  }
}
