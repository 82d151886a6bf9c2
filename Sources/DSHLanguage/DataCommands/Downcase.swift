import Foundation

extension DataCommands {
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
}
