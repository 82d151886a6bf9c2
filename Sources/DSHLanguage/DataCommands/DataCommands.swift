/// The commands that work on data and on the session, needing no portal.
public enum DataCommands {
  public static let all: [CommandSpec] = [
    whereCommand, select, get, sort, first, last, skip, count, uniq, group, each, to, from, print,
    help, vars, set, open, save, lines, split, join, trim, upcase, downcase, replace, length, startsWith,
    endsWith, into, format, merge, insert, reject, sleep,
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
