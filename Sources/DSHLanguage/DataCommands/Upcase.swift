import Foundation

extension DataCommands {
  static let upcase = CommandSpec(
    name: "upcase", summary: "The text in capitals",
    discussion: textDiscussion, category: .data, output: .sameAsInput,
    examples: [Example("\"Ann\" | upcase", "capitals", .output("ANN\n"))],
    seeAlso: ["downcase"]
  ) { invocation in
    try TextInput.map(invocation) { .string($0.uppercased()) }
  }
}
