import Foundation

extension DataCommands {
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
}
