import Foundation

extension DataCommands {
  static let split = CommandSpec(
    name: "split", summary: "Split a string at every SEP into a list of strings",
    discussion: """
      Empty items are kept ("a,,b" gives three). With --regex, SEP is a regular expression, \
      compiled once; an empty match does not split. On a list of strings, each gives its own list.
      """,
    category: .data,
    signature: Signature(
      [Parameter("SEP", help: "the separator text")], flags: [Flag("regex", help: "SEP is a regular expression")]),
    output: .unknown,
    examples: [
      Example(
        "\"a,b,,c\" | split \",\" | to json --compact", "empty items kept", .output("[\"a\",\"b\",\"\",\"c\"]\n")),
      Example(
        "\"a1b22c\" | split \"[0-9]+\" --regex | to json --compact", "at a pattern", .output("[\"a\",\"b\",\"c\"]\n")),
      Example("\"a\" | split \"(\" --regex", "a bad pattern is an error at the argument", .error("E205")),
    ],
    seeAlso: ["join", "lines"]
  ) { invocation in
    if invocation.flag("regex") {
      let regex = try TextInput.regex(invocation, at: 0, named: "SEP")
      return try TextInput.map(invocation) { text in
        var parts: [Value] = []
        var start = text.startIndex
        for match in regex.nonEmptyMatches(in: text) {
          guard let range = Range(match.range, in: text) else { continue }
          parts.append(.string(String(text[start..<range.lowerBound])))
          start = range.upperBound
        }
        return .list(parts + [.string(String(text[start...]))])
      }
    }
    let separator = try TextInput.string(invocation, at: 0, named: "SEP")
    guard !separator.isEmpty else {
      throw CommandFailure(.usage, "SEP must not be empty", argument: .positional(0))
    }
    return try TextInput.map(invocation) { .list($0.components(separatedBy: separator).map(Value.string)) }
  }
}
