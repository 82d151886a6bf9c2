import Foundation

extension DataCommands {
  static let format = CommandSpec(
    name: "format", summary: "Write a date as text with a pattern: format date \"%Y-%m-%d %H:%M\"",
    discussion: """
      The date is shown in the zone `set timezone` chose (UTC unless changed). A string holding \
      an ISO date is read as that date. On a list, each item is formatted. Directives:
      """ + "\n" + DatePattern.directives.map { "  \($0.0)  \($0.1)" }.joined(separator: "\n"),
    category: .data,
    signature: Signature([
      Parameter("KIND", help: "date (the only kind so far)").checked(.oneOf(["date"])),
      Parameter("PATTERN", help: "e.g. \"%Y-%m-%d %H:%M\""),
    ]),
    output: .unknown,
    examples: [
      Example(
        "\"2026-07-10T12:04:05Z\" | into date | format date \"%Y-%m-%d %H:%M\"", "day and minute",
        .output("2026-07-10 12:04\n")),
      Example(
        "set timezone \"+02:00\"; \"2026-07-10T23:30:00Z\" | format date \"%a %d %b %H:%M %z\"",
        "in another zone", .output("Sat 11 Jul 01:30 +0200\n")),
      Example("now | format date \"%Q\"", "an unknown directive is an error", .error("E205")),
    ],
    seeAlso: ["into", "set"]
  ) { invocation in
    guard invocation.positional(0)?.asString == "date" else {
      throw CommandFailure(.usage, "only 'format date PATTERN' is supported", argument: .positional(0))
    }
    let pattern = try TextInput.string(invocation, at: 1, named: "PATTERN")
    do throws(DatePattern.BadDirective) {
      try DatePattern.validate(pattern)
    } catch {
      throw CommandFailure(
        .usage, "unknown directive \(error.directive) in the pattern",
        help: "directives: " + DatePattern.directives.map(\.0).joined(separator: " "), argument: .positional(1))
    }
    let zone = invocation.settings.timeZone
    func one(_ value: Value, item: Int?) throws -> Value {
      let date: Date?
      switch value {
      case .date(let given): date = given
      case .string(let text): date = DateText.parse(text)
      default: date = nil
      }
      guard let date else {
        let place = item.map { " (item \($0))" } ?? ""
        throw CommandFailure(.input, "'format date' needs a date, got \(value.typeName)\(place)")
      }
      return .string((try? DatePattern.format(date, pattern: pattern, zone: zone)) ?? "")
    }
    if case .list(let items) = invocation.input {
      return .list(try items.enumerated().map { try one($1, item: $0) })
    }
    return try one(invocation.input, item: nil)
  }
}
