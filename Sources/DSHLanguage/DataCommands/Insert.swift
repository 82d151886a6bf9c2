extension DataCommands {
  static let insert = CommandSpec(
    name: "insert", summary: "Add a field to the input record (or to each record of a list)",
    discussion: """
      The field must not exist yet: to change one, use merge or $r.field = value. VALUE may be a \
      block, run for each record with the record as $it. A record value goes in parentheses: \
      insert meta ({a: 1}).
      """,
    category: .data,
    signature: Signature([
      Parameter("FIELD", help: "the new field's name"),
      Parameter("VALUE", .block, help: "its value, or a { … } block computing it from $it"),
    ]),
    output: .unknown,
    examples: [
      Example("{a: 1} | insert b 2 | to json --compact", "a new field", .output("{\"a\":1,\"b\":2}\n")),
      Example(
        "[{n: 1}, {n: 2}] | insert double { $it.n * 2 } | get double | to json --compact", "computed per record",
        .output("[2,4]\n")),
      Example("{a: 1} | insert a 2", "an existing field is an error", .error("E205")),
    ],
    seeAlso: ["merge", "reject"]
  ) { invocation in
    let name = try TextInput.string(invocation, at: 0, named: "FIELD")
    guard !name.isEmpty else { throw CommandFailure(.usage, "FIELD must not be empty", argument: .positional(0)) }
    let compute = invocation.rowFunctions[1]
    let fixed = invocation.positional(1) ?? .null
    var rows: [Record] = []
    var single = false
    switch invocation.input {
    case .record(let record):
      rows = [record]
      single = true
    default:
      rows = try RecordInput.records(invocation)
    }
    var results: [Value] = []
    results.reserveCapacity(rows.count)
    for var row in rows {
      guard row[name] == nil else {
        throw CommandFailure(
          .input, "the record already has a field '\(name)'", help: "merge {\(name): …} replaces it",
          argument: .positional(0))
      }
      try Task.checkCancellation()
      row[name] = try await compute?(.record(row)) ?? fixed
      results.append(.record(row))
    }
    return try Self.limitNesting(single ? results[0] : .list(results))
  }
}
