/// Looking up fields named in command arguments, with errors that name the known ones.
enum Fields {
  static func value(
    _ name: String, in value: Value, argument: CommandFailure.ArgumentRef?
  ) throws -> Value {
    guard case .record(let record) = value else {
      throw CommandFailure(
        .input, "\(value.typeName) has no field '\(name)': the rows are not records", argument: argument)
    }
    var current: Value = .record(record)
    for part in name.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
      guard case .record(let inner) = current, let next = inner[part] else {
        let known = (current.asRecord ?? record).names
        throw CommandFailure(
          .unknownField, "no field '\(part)' on \(Interpreter.describe(current.asRecord ?? record))",
          help: Suggestions.didYouMean(part, in: known) ?? "known fields: \(known.joined(separator: ", "))",
          argument: argument)
      }
      current = next
    }
    return current
  }

  /// The field names given as string arguments.
  static func names(_ invocation: Invocation) throws -> [String] {
    try invocation.positionals.enumerated().map { index, value in
      guard case .string(let name) = value else {
        throw CommandFailure(
          .usage, "a field name must be a word or string, not \(value.typeName)", argument: .positional(index))
      }
      return name
    }
  }
}
