import Foundation

extension DataCommands {
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
}
