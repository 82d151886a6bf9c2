import Foundation

extension DataCommands {
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
}
