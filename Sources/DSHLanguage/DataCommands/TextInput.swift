import Foundation

/// How the text commands take their input and their patterns.
enum TextInput {
  /// `transform` applied to a string input, or to every item of a list of strings (element-wise).
  static func map(_ invocation: Invocation, _ transform: (String) throws -> Value) throws -> Value {
    switch invocation.input {
    case .string(let text): return try transform(text)
    case .list(let items):
      var results: [Value] = []
      results.reserveCapacity(items.count)
      for (index, item) in items.enumerated() {
        guard case .string(let text) = item else {
          throw CommandFailure(
            .input, "'\(invocation.name)' works on strings; item \(index) of the list is \(item.typeName)")
        }
        if index & 0x3FF == 0 { try Task.checkCancellation() }
        results.append(try transform(text))
      }
      return .list(results)
    default:
      throw CommandFailure(
        .input, "'\(invocation.name)' needs a string or a list of strings as input, got \(invocation.input.typeName)")
    }
  }

  /// The string argument at `index`, or a usage failure pointing at it.
  static func string(_ invocation: Invocation, at index: Int, named name: String) throws -> String {
    guard case .string(let text) = invocation.positional(index) else {
      let type = invocation.positional(index)?.typeName ?? "nothing"
      throw CommandFailure(.usage, "\(name) must be a string, not \(type)", argument: .positional(index))
    }
    return text
  }

  /// The argument at `index` compiled once as a regular expression; a bad one is a usage
  /// failure at the argument.
  static func regex(_ invocation: Invocation, at index: Int, named name: String) throws -> NSRegularExpression {
    let pattern = try string(invocation, at: index, named: name)
    guard !pattern.isEmpty, let regex = try? NSRegularExpression(pattern: pattern) else {
      throw CommandFailure(
        .usage, "invalid regular expression '\(pattern)' in \(name)",
        help: "ICU syntax: \\d digits, \\s space, (…) a group, \\. a literal dot", argument: .positional(index))
    }
    return regex
  }
}

extension NSRegularExpression {
  /// The matches in `text` that are not empty.
  func nonEmptyMatches(in text: String) -> [NSTextCheckingResult] {
    matches(in: text, range: NSRange(text.startIndex..., in: text)).filter { $0.range.length > 0 }
  }
}

extension DataCommands {
  static let textDiscussion = "On a list of strings it works on each item and gives a list."
}
