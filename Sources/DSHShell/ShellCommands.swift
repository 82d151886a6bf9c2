import DSHLanguage

/// Commands that belong to the shell rather than the language: they need its history, or
/// the build it is (`version`).
enum ShellCommands {
  static func all(history: HistoryStore?) -> [CommandSpec] { [Self.history(history), version] }
}
