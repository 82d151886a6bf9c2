extension DataCommands {
  static let count = CommandSpec(
    name: "count", summary: "How many items flow in",
    category: .data, output: .fixed(.scalar("int")),
    examples: [Example("[4, 5, 6] | count", "three items", .output("3\n"))],
    seeAlso: ["where"]
  ) { invocation in
    if case .record(let record) = invocation.input { return .int(record.fields.count) }
    return .int(try invocation.inputList().count)
  }

  static let uniq = CommandSpec(
    name: "uniq", summary: "Drop repeated items, keeping the first of each",
    category: .data, output: .sameAsInput,
    examples: [Example("[1, 2, 1, 3, 2] | uniq | to json --compact", "first occurrences", .output("[1,2,3]\n"))],
    seeAlso: ["group"]
  ) { invocation in
    var kept: [Value] = []
    for item in try invocation.inputList() where !kept.contains(where: { $0.looselyEquals(item) }) {
      kept.append(item)
    }
    return .list(kept)
  }

  static let group = CommandSpec(
    name: "group", summary: "Group rows by a field: a record from each value to its rows",
    category: .data,
    signature: Signature([Parameter("FIELD", .field, help: "the field to group by")]),
    output: .unknown,
    examples: [
      Example(
        "[{u: \"a\"}, {u: \"b\"}, {u: \"a\"}] | group u | to json --compact",
        "rows per user", .output("{\"a\":[{\"u\":\"a\"},{\"u\":\"a\"}],\"b\":[{\"u\":\"b\"}]}\n"))
    ],
    seeAlso: ["uniq", "count"]
  ) { invocation in
    guard let name = try Fields.names(invocation).first else { return .null }
    var groups = Record()
    for row in try invocation.inputList() {
      let key = try Fields.value(name, in: row, argument: .positional(0)).displayText
      groups[key] = .list((groups[key]?.asList ?? []) + [row])
    }
    return try Self.limitNesting(.record(groups))
  }

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
