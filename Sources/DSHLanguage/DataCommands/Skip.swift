extension DataCommands {
  static let skip = CommandSpec(
    name: "skip", summary: "Drop the first N items",
    category: .data,
    signature: Signature([Parameter("N", help: "how many to drop").checked(.int(0...Int.max))]),
    output: .sameAsInput,
    examples: [Example("[1, 2, 3] | skip 1 | to json --compact", "all but the first", .output("[2,3]\n"))],
    seeAlso: ["first"]
  ) { invocation in
    let count = try invocation.int(at: 0, named: "N") ?? 0
    guard count >= 0 else { throw CommandFailure(.usage, "N must not be negative", argument: .positional(0)) }
    return .list(Array(try invocation.inputList().dropFirst(count)))
  }
}
