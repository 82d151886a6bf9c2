import Foundation

extension DataCommands {
  static let replace = CommandSpec(
    name: "replace", summary: "Replace the first FROM (every one with --all) by TO",
    discussion: """
      With --regex, FROM is a regular expression (compiled once) and TO may name groups: $1, $2; \
      write \\$ for a dollar. \(textDiscussion)
      """,
    category: .data,
    signature: Signature(
      [Parameter("FROM", help: "the text to find"), Parameter("TO", help: "what to put instead")],
      flags: [
        Flag("regex", help: "FROM is a regular expression"), Flag("all", help: "every occurrence, not the first"),
      ]),
    output: .sameAsInput,
    examples: [
      Example("\"a-b-c\" | replace \"-\" \"+\"", "the first", .output("a+b-c\n")),
      Example("\"a-b-c\" | replace \"-\" \"\" --all", "every one", .output("abc\n")),
      Example(
        "\"ann@old.com\" | replace \"@(.*)$\" \"@new.com\" --regex", "with a pattern", .output("ann@new.com\n")),
    ],
    seeAlso: ["split", "trim"]
  ) { invocation in
    let replacement = try TextInput.string(invocation, at: 1, named: "TO")
    let all = invocation.flag("all")
    if invocation.flag("regex") {
      let regex = try TextInput.regex(invocation, at: 0, named: "FROM")
      return try TextInput.map(invocation) { text in
        let whole = NSRange(text.startIndex..., in: text)
        if all {
          return .string(regex.stringByReplacingMatches(in: text, range: whole, withTemplate: replacement))
        }
        guard let match = regex.firstMatch(in: text, range: whole), let range = Range(match.range, in: text) else {
          return .string(text)
        }
        let inserted = regex.replacementString(for: match, in: text, offset: 0, template: replacement)
        return .string(text.replacingCharacters(in: range, with: inserted))
      }
    }
    let target = try TextInput.string(invocation, at: 0, named: "FROM")
    guard !target.isEmpty else { throw CommandFailure(.usage, "FROM must not be empty", argument: .positional(0)) }
    return try TextInput.map(invocation) { text in
      if all { return .string(text.replacingOccurrences(of: target, with: replacement)) }
      guard let range = text.range(of: target) else { return .string(text) }
      return .string(text.replacingCharacters(in: range, with: replacement))
    }
  }
}
