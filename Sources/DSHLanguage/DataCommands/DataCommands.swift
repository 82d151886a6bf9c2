/// The commands that work on data and on the session, needing no portal.
public enum DataCommands {
  /// In alphabetical order of their names (a test holds it so).
  public static let all: [CommandSpec] = [
    count, downcase, each, endsWith, first, format, from, get, group, help, insert, into, join, last, length, lines,
    merge, open, print, reject, replace, save, select, set, skip, sleep, sort, split, startsWith, to, trim, uniq,
    upcase, vars, whereCommand,
  ]
}

extension DataCommands {
  /// What a command built, refused when it nests deeper than `Value.maximumNesting`.
  static func limitNesting(_ value: Value) throws(CommandFailure) -> Value {
    guard Value.nestingDepth(of: value) <= Value.maximumNesting else {
      throw CommandFailure(
        .runtime, "value nested too deeply (limit \(Value.maximumNesting) levels of lists and records)")
    }
    return value
  }
}
