extension DataCommands {
  static let select = CommandSpec(
    name: "select", summary: "Keep only the named fields of each row",
    category: .data,
    signature: Signature(rest: Parameter("FIELD", .field, help: "a field to keep")),
    output: .unknown,
    examples: [
      Example(
        "{a: 1, b: 2, c: 3} | select c a | to json --compact", "reorder and trim a record",
        .output("{\"c\":3,\"a\":1}\n"))
    ],
    seeAlso: ["get", "where"]
  ) { invocation in
    let names = try Fields.names(invocation)
    func pick(_ row: Value) throws -> Value {
      let fields = try names.enumerated().map { index, name in
        (name, try Fields.value(name, in: row, argument: .positional(index)))
      }
      return .record(Record(kind: row.asRecord?.kind, fields: fields))
    }
    if case .record = invocation.input { return try pick(invocation.input) }
    return .list(try invocation.inputList().map(pick))
  }
}
