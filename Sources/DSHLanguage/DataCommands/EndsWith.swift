import Foundation

extension DataCommands {
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
