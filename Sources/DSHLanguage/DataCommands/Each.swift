extension DataCommands {
  static let each = CommandSpec(
    name: "each", summary: "Run a block for every item ($it); the results form a list",
    category: .data,
    signature: Signature([Parameter("BLOCK", .block, help: "{ … } using $it")]),
    output: .unknown,
    examples: [Example("[1, 2] | each { $it * 10 } | to json --compact", "times ten", .output("[10,20]\n"))],
    seeAlso: ["where"]
  ) { invocation in
    guard let block = invocation.rowFunctions[0] else {
      throw CommandFailure(.usage, "each needs a block: each { … }", argument: .positional(0))
    }
    var results: [Value] = []
    for item in try invocation.inputList() {
      try Task.checkCancellation()
      results.append(try await block(item))
    }
    return try Self.limitNesting(.list(results))
  }
}
