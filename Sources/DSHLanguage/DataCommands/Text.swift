import Foundation

extension DataCommands {
  static let textDiscussion = "On a list of strings it works on each item and gives a list."

  static let lines = CommandSpec(
    name: "lines", summary: "Split text into its lines (\\n or \\r\\n); no empty item after a final line break",
    category: .data, output: .fixed(.list(.scalar("string"))),
    examples: [
      Example(
        "\"a\\r\\nb\\n\" | lines | to json --compact", "CRLF or LF, trailing break dropped", .output("[\"a\",\"b\"]\n"))
    ],
    seeAlso: ["split", "join", "open"]
  ) { invocation in
    guard case .string(let text) = invocation.input else {
      throw CommandFailure(.input, "'\(invocation.name)' needs a string as input, got \(invocation.input.typeName)")
    }
    return .list(Self.splitLines(text).map(Value.string))
  }

  /// The lines of `text`: `\n` ends a line, a `\r` before it is dropped; a final break adds no empty line.
  static func splitLines(_ text: String) -> [String] {
    var parts = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { line in
      String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
    }
    if text.utf8.last == 10 || text.isEmpty { parts.removeLast() }
    return parts
  }

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

  static let join = CommandSpec(
    name: "join", summary: "Join a list into one string, SEP between items",
    discussion: "Items may be strings, numbers, bools, dates or durations; null is empty.",
    category: .data,
    signature: Signature([Parameter("SEP", help: "put between items, e.g. \", \" or \"\\n\"")]),
    output: .fixed(.scalar("string")),
    examples: [Example("[\"a\", 1, true] | join \", \"", "scalars as text", .output("a, 1, true\n"))],
    seeAlso: ["split", "lines"]
  ) { invocation in
    let separator = try TextInput.string(invocation, at: 0, named: "SEP")
    guard case .list(let items) = invocation.input else {
      throw CommandFailure(.input, "'join' needs a list as input, got \(invocation.input.typeName)")
    }
    let parts = try DateText.$zone.withValue(invocation.settings.timeZone) {
      try items.enumerated().map { index, item in
        switch item {
        case .list, .record:
          throw CommandFailure(.input, "'join' joins scalars; item \(index) is a \(item.typeName)")
        default: return item.displayText
        }
      }
    }
    return .string(parts.joined(separator: separator))
  }

  static let trim = CommandSpec(
    name: "trim", summary: "Remove spaces, tabs and line breaks from both ends",
    discussion: textDiscussion, category: .data, output: .sameAsInput,
    examples: [
      Example("\"  a b \\n\" | trim", "both ends", .output("a b\n")),
      Example("[\" a\", \"b \"] | trim | to json --compact", "each item", .output("[\"a\",\"b\"]\n")),
    ],
    seeAlso: ["replace"]
  ) { invocation in
    try TextInput.map(invocation) { .string($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  static let upcase = CommandSpec(
    name: "upcase", summary: "The text in capitals",
    discussion: textDiscussion, category: .data, output: .sameAsInput,
    examples: [Example("\"Ann\" | upcase", "capitals", .output("ANN\n"))],
    seeAlso: ["downcase"]
  ) { invocation in
    try TextInput.map(invocation) { .string($0.uppercased()) }
  }

  static let downcase = CommandSpec(
    name: "downcase", summary: "The text in small letters",
    discussion: textDiscussion + " Useful before comparing emails.", category: .data, output: .sameAsInput,
    examples: [
      Example(
        "[\"Ann@X.com\", \"bo@x.com\"] | downcase | to json --compact", "each item",
        .output("[\"ann@x.com\",\"bo@x.com\"]\n"))
    ],
    seeAlso: ["upcase"]
  ) { invocation in
    try TextInput.map(invocation) { .string($0.lowercased()) }
  }

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

  static let length = CommandSpec(
    name: "length", summary: "A string's length in characters; a list's number of items",
    discussion: "Characters as people see them: \"é\" is one. A list is counted, not measured item by item.",
    category: .data, output: .fixed(.scalar("int")),
    examples: [
      Example("\"héllo\" | length", "characters", .output("5\n")),
      Example("[\"a\", \"bc\"] | length", "items of a list", .output("2\n")),
    ],
    seeAlso: ["count"]
  ) { invocation in
    switch invocation.input {
    case .string(let text): return .int(text.count)
    case .list(let items): return .int(items.count)
    default:
      throw CommandFailure(
        .input, "'length' needs a string or a list as input, got \(invocation.input.typeName)",
        help: "count counts a record's fields")
    }
  }

  static let startsWith = CommandSpec(
    name: "starts-with", summary: "Whether the string starts with S (true or false)",
    discussion: textDiscussion + " (of bools)", category: .data,
    signature: Signature([Parameter("S", help: "the beginning to look for")]),
    output: .unknown,
    examples: [Example("\"admin-ann\" | starts-with \"admin-\"", "a prefix", .output("true\n"))],
    seeAlso: ["ends-with", "where"]
  ) { invocation in
    let prefix = try TextInput.string(invocation, at: 0, named: "S")
    return try TextInput.map(invocation) { .bool($0.hasPrefix(prefix)) }
  }

  static let endsWith = CommandSpec(
    name: "ends-with", summary: "Whether the string ends with S (true or false)",
    discussion: textDiscussion + " (of bools)", category: .data,
    signature: Signature([Parameter("S", help: "the end to look for")]),
    output: .unknown,
    examples: [
      Example(
        "[\"a@x.com\", \"b@y.com\"] | ends-with \"@x.com\" | to json --compact", "each item",
        .output("[true,false]\n"))
    ],
    seeAlso: ["starts-with", "where"]
  ) { invocation in
    let suffix = try TextInput.string(invocation, at: 0, named: "S")
    return try TextInput.map(invocation) { .bool($0.hasSuffix(suffix)) }
  }
}
