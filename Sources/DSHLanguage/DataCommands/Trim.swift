import Foundation

extension DataCommands {
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
}
