extension DataCommands {
  static let merge = CommandSpec(
    name: "merge", summary: "Add a record's fields to the input record; on a clash, the argument wins",
    discussion: "Fields keep their place; new ones come last. On a list of records, each is merged.",
    category: .data,
    signature: Signature([Parameter("RECORD", help: "the fields to add or replace")]),
    output: .unknown,
    examples: [
      Example(
        "{a: 1, b: 2} | merge {b: 3, c: 4} | to json --compact", "the argument wins",
        .output("{\"a\":1,\"b\":3,\"c\":4}\n"))
    ],
    seeAlso: ["insert", "reject", "select"]
  ) { invocation in
    guard case .record(let extra) = invocation.positional(0) else {
      let type = invocation.positional(0)?.typeName ?? "nothing"
      throw CommandFailure(.usage, "RECORD must be a record, not \(type)", argument: .positional(0))
    }
    return try Self.limitNesting(
      try RecordInput.map(invocation) { row in
        var merged = row
        for field in extra.fields { merged[field.name] = field.value }
        return merged
      })
  }
}
