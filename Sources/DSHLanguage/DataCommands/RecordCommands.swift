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

  static let reject = CommandSpec(
    name: "reject", summary: "Drop the named fields from the record (or from each record of a list)",
    discussion: "Each field must exist in every record, so that a misspelt name is caught.",
    category: .data,
    signature: Signature(rest: Parameter("FIELD", .field, help: "a field to drop")),
    output: .unknown,
    examples: [
      Example("{a: 1, b: 2, c: 3} | reject a c | to json --compact", "drop two", .output("{\"b\":2}\n")),
      Example("{a: 1} | reject b", "an unknown field is an error", .error("E204")),
    ],
    seeAlso: ["select", "merge"]
  ) { invocation in
    let names = try Fields.names(invocation)
    return try RecordInput.map(invocation) { row in
      var kept = row
      for (index, name) in names.enumerated() {
        guard row[name] != nil else {
          throw CommandFailure(
            .unknownField, "no field '\(name)' on \(Interpreter.describe(row))",
            help: Suggestions.didYouMean(name, in: row.names) ?? "known fields: \(row.names.joined(separator: ", "))",
            argument: .positional(index))
        }
        kept[name] = nil
      }
      return kept
    }
  }
}

/// How the record commands take their input: a record, or a list of records.
enum RecordInput {
  /// `transform` applied to a record input, or to each record of a list.
  static func map(_ invocation: Invocation, _ transform: (Record) throws -> Record) throws -> Value {
    if case .record(let record) = invocation.input { return .record(try transform(record)) }
    return .list(try records(invocation).map { .record(try transform($0)) })
  }

  /// The input as a list of records, or an input failure naming the first item that is not one.
  static func records(_ invocation: Invocation) throws -> [Record] {
    guard case .list(let items) = invocation.input else {
      throw CommandFailure(
        .input, "'\(invocation.name)' needs a record or a list of records as input, got \(invocation.input.typeName)")
    }
    return try items.enumerated().map { index, item in
      guard case .record(let record) = item else {
        throw CommandFailure(.input, "'\(invocation.name)' works on records; item \(index) is \(item.typeName)")
      }
      return record
    }
  }
}
