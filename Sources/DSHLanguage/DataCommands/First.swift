extension DataCommands {
  static let first = CommandSpec(
    name: "first", summary: "The first item, or a list of the first N",
    category: .data,
    signature: Signature([
      Parameter("N", optional: true, help: "how many; without it, one item").checked(.int(0...Int.max))
    ]),
    output: .itemOfInput,
    examples: [
      Example("[1, 2, 3] | first", "one item", .output("1\n")),
      Example("[1, 2, 3] | first 2 | to json --compact", "a list of two", .output("[1,2]\n")),
    ],
    seeAlso: ["last", "skip"]
  ) { invocation in
    let items = try invocation.inputList()
    guard let count = try invocation.int(at: 0, named: "N") else { return items.first ?? .null }
    guard count >= 0 else { throw CommandFailure(.usage, "N must not be negative", argument: .positional(0)) }
    return .list(Array(items.prefix(count)))
  }
}
