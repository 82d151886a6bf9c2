import Foundation

extension DataCommands {
  static let into = CommandSpec(
    name: "into", summary: "Convert the input to another type: int, float, string, date, duration, bool",
    discussion: """
      On a list, each item is converted. A value that cannot be converted is an error that shows it.
        int       "42", 42.9 (cut to 42), true (1), a duration (its seconds), a date (seconds since 1970)
        float     "2.5", 2, true (1.0), a duration (its seconds)
        string    any value as it is shown
        date      ISO 8601 ("2026-07-10T12:04:05Z", "2026-07-10T14:04+02:00"), "2026-07-10" (midnight UTC),
                  or seconds since 1970
        duration  "30d", "90s", "1h30m", "250ms" (units ms s m h d w), or a number of seconds
        bool      true/false, yes/no, on/off, 1/0 (any case)
      """,
    category: .data,
    signature: Signature([
      Parameter("TYPE", help: "int, float, string, date, duration or bool")
        .checked(.oneOf(["int", "float", "string", "date", "duration", "bool"]))
    ]),
    output: .unknown,
    examples: [
      Example("\"42\" | into int", "a number from text", .output("42\n")),
      Example(
        "[\"1h30m\", \"30d\"] | into duration | to json --compact", "durations, in seconds",
        .output("[5400.0,2592000.0]\n")),
      Example("\"2026-07-10\" | into date", "a plain day is midnight UTC", .output("2026-07-10T00:00:00Z\n")),
      Example("[\"yes\", \"off\"] | into bool | to json --compact", "flags from a file", .output("[true,false]\n")),
      Example("\"forty\" | into int", "what cannot convert is an error", .error("E205")),
    ],
    seeAlso: ["format", "to"]
  ) { invocation in
    let name = invocation.positional(0)?.asString ?? ""
    guard let target = Conversion(rawValue: name) else {
      throw CommandFailure(
        .usage, "cannot convert into '\(name)'",
        help: Suggestions.didYouMean(name, in: Conversion.allCases.map(\.rawValue))
          ?? "types: int, float, string, date, duration, bool",
        argument: .positional(0))
    }
    return try DateText.$zone.withValue(invocation.settings.timeZone) {
      if case .list(let items) = invocation.input {
        return .list(
          try items.enumerated().map { index, item in
            if index & 0x3FF == 0 { try Task.checkCancellation() }
            return try target.convert(item, item: index)
          })
      }
      return try target.convert(invocation.input, item: nil)
    }
  }
}

/// A type `into` converts to, and how.
enum Conversion: String, CaseIterable {
  case int, float, string, date, duration, bool

  func convert(_ value: Value, item: Int?) throws -> Value {
    if let converted = attempt(value) { return converted }
    let shown = value.sourceText
    let short = shown.count > 60 ? String(shown.prefix(57)) + "…" : shown
    throw CommandFailure(
      .input, "cannot convert \(value.typeName) \(short) into \(rawValue)" + (item.map { " (item \($0))" } ?? ""),
      help: help)
  }

  private var help: String {
    switch self {
    case .int: return "an int is written with digits: \"42\", \"-7\""
    case .float: return "a float is written like \"2.5\" or \"1e3\""
    case .string: return "every value converts to a string"
    case .date: return "a date is ISO 8601 (\"2026-07-10T12:04:05Z\") or \"2026-07-10\""
    case .duration: return "a duration is a number with units: \"30d\", \"90s\", \"1h30m\""
    case .bool: return "a bool is true/false, yes/no, on/off or 1/0"
    }
  }

  private func attempt(_ value: Value) -> Value? {
    switch self {
    case .int: return Self.int(value)
    case .float: return Self.float(value).map(Value.float)
    case .string: return .string(value.displayText)
    case .date: return Self.date(value)
    case .duration: return Self.duration(value)
    case .bool: return Self.bool(value)
    }
  }

  private static func int(_ value: Value) -> Value? {
    switch value {
    case .int: return value
    case .bool(let flag): return .int(flag ? 1 : 0)
    case .string(let text):
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if let number = Int(trimmed) { return .int(number) }
      return Double(trimmed).flatMap(truncated)
    case .float(let number), .duration(let number): return truncated(number)
    case .date(let date): return truncated(date.timeIntervalSince1970.rounded(.down))
    default: return nil
    }
  }

  private static func truncated(_ number: Double) -> Value? {
    guard number.isFinite, abs(number) < 9.2e18 else { return nil }
    return .int(Int(number.rounded(.towardZero)))
  }

  private static func float(_ value: Value) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .float(let number), .duration(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .string(let text):
      guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else { return nil }
      return number
    default: return nil
    }
  }

  private static func date(_ value: Value) -> Value? {
    switch value {
    case .date: return value
    case .string(let text): return DateText.parse(text).map(Value.date)
    case .int, .float:
      guard let seconds = float(value), DateText.range.contains(seconds) else { return nil }
      return .date(Date(timeIntervalSince1970: seconds))
    default: return nil
    }
  }

  private static func duration(_ value: Value) -> Value? {
    switch value {
    case .duration: return value
    case .int, .float:
      guard let seconds = float(value), abs(seconds) <= Value.maximumDuration else { return nil }
      return .duration(seconds)
    case .string(let text): return parseDuration(text.trimmingCharacters(in: .whitespaces)).map(Value.duration)
    default: return nil
    }
  }

  /// `1h30m`, `30d`, `250ms`, `-5m`, `1.5h`: amounts with units, as literals write them.
  static func parseDuration(_ text: String) -> Double? {
    var rest = Substring(text)
    var sign = 1.0
    if rest.first == "-" {
      sign = -1
      rest = rest.dropFirst()
    }
    guard !rest.isEmpty else { return nil }
    var total = 0.0
    while !rest.isEmpty {
      let amount = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      rest = rest.dropFirst(amount.count)
      let unit = rest.prefix { $0.isASCII && $0.isLetter }
      rest = rest.dropFirst(unit.count)
      guard let number = Double(amount), let scale = Lexer.durationUnits[String(unit)] else { return nil }
      total += number * scale
    }
    guard total <= Value.maximumDuration else { return nil }
    return sign * total
  }

  static func bool(_ value: Value) -> Value? {
    switch value {
    case .bool: return value
    case .int(let number) where number == 0 || number == 1: return .bool(number == 1)
    case .string(let text):
      switch text.trimmingCharacters(in: .whitespaces).lowercased() {
      case "true", "yes", "on", "1": return .bool(true)
      case "false", "no", "off", "0": return .bool(false)
      default: return nil
      }
    default: return nil
    }
  }
}
