extension DataCommands {
  static let last = CommandSpec(
    name: "last", summary: "The last item, or a list of the last N",
    category: .data,
    signature: Signature([
      Parameter("N", optional: true, help: "how many; without it, one item").checked(.int(0...Int.max))
    ]),
    output: .itemOfInput,
    examples: [Example("[1, 2, 3] | last 2 | to json --compact", "a list of two", .output("[2,3]\n"))],
    seeAlso: ["first"]
  ) { invocation in
    let items = try invocation.inputList()
    guard let count = try invocation.int(at: 0, named: "N") else { return items.last ?? .null }
    guard count >= 0 else { throw CommandFailure(.usage, "N must not be negative", argument: .positional(0)) }
    return .list(Array(items.suffix(count)))
  }
}
