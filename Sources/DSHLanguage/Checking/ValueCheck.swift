import Foundation

/// What is wrong with an argument's value, and what to write instead.
public struct ArgumentProblem: Error, Sendable, Equatable {
  /// What is wrong, as one line ("expected a number of days, not 'x'").
  public var message: String
  /// What to write instead, shown as the diagnostic's help; nil when there is nothing to add.
  public var help: String?

  /// A problem with the message and, optionally, the help to show with it.
  public init(_ message: String, help: String? = nil) {
    self.message = message
    self.help = help
  }
}

/// The values a parameter or flag accepts.
///
/// The checker applies it to literal arguments before anything runs, and the interpreter to every
/// evaluated argument: one rule, so that `dsh check` and a run refuse the same things.
public struct ValueCheck: Sendable {
  let test: @Sendable (Value) -> ArgumentProblem?
  let schemaTest: (@Sendable (Schema) -> ArgumentProblem?)?
  /// The words it accepts, when they are a closed set: completion offers them.
  public let choices: [String]?

  /// A check running `test` on values, `schema` on shapes known before a run, and offering `choices`
  /// to completion when they are a closed set.
  public init(
    _ test: @escaping @Sendable (Value) -> ArgumentProblem?,
    schema: (@Sendable (Schema) -> ArgumentProblem?)? = nil, choices: [String]? = nil
  ) {
    self.test = test
    self.schemaTest = schema
    self.choices = choices
  }

  /// What is wrong with `value`, or nil when the parameter accepts it.
  public func problem(with value: Value) -> ArgumentProblem? { test(value) }

  /// A problem known from the shape of a value not yet computed (a variable's records).
  public func problem(withSchema schema: Schema) -> ArgumentProblem? { schemaTest?(schema) }

  /// One of a closed set of words.
  public static func oneOf(_ choices: [String]) -> ValueCheck {
    let test: @Sendable (Value) -> ArgumentProblem? = { value in
      guard case .string(let word) = value, choices.contains(word) else {
        let given = value.asString ?? value.typeName
        return ArgumentProblem(
          "'\(TerminalText.escaped(given, keepNewlines: false))' is not one of \(choices.joined(separator: ", "))",
          help: Suggestions.didYouMean(given, in: choices) ?? "use " + choices.joined(separator: ", "))
      }
      return nil
    }
    return ValueCheck(test, choices: choices)
  }

  /// An int in `range`.
  public static func int(_ range: ClosedRange<Int> = Int.min...Int.max) -> ValueCheck {
    ValueCheck { value in
      guard case .int(let number) = value else {
        return ArgumentProblem("expected an int, not \(value.typeName)", help: hint(for: value))
      }
      guard range.contains(number) else {
        if range.upperBound == Int.max { return ArgumentProblem("expected \(range.lowerBound) or more, not \(number)") }
        return ArgumentProblem("\(number) is out of range: \(range.lowerBound)…\(range.upperBound)")
      }
      return nil
    }
  }

  /// A date, or text that reads as one (ISO 8601, `yyyy-MM-dd`).
  public static let date = ValueCheck { value in
    switch value {
    case .date: return nil
    case .string(let text) where DateText.parse(text) != nil: return nil
    default:
      return ArgumentProblem("expected a date, not \(value.typeName)", help: "e.g. (now - 7d) or \"2026-01-31\"")
    }
  }

  /// `"7"` for `7`: the value was quoted.
  static func hint(for value: Value) -> String? {
    if case .string(let text) = value, Int(text) != nil { return "write it without quotes: \(text)" }
    return nil
  }
}

extension Parameter {
  /// The parameter with a check on its values.
  public func checked(_ check: ValueCheck) -> Parameter {
    var copy = self
    copy.check = check
    return copy
  }
}

extension Flag {
  /// The flag with a check on its value.
  public func checked(_ check: ValueCheck) -> Flag {
    var copy = self
    copy.check = check
    return copy
  }
}
