extension DataCommands {
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
    var keys: [String] = []
    var rows: [[Value]] = []
    var position: [String: Int] = [:]
    for row in try invocation.inputList() {
      let key = try Fields.value(name, in: row, argument: .positional(0)).displayText
      if let index = position[key] {
        rows[index].append(row)
      } else {
        position[key] = keys.count
        keys.append(key)
        rows.append([row])
      }
    }
    var groups = Record()
    for (key, members) in zip(keys, rows) { groups[key] = .list(members) }
    return try Self.limitNesting(.record(groups))
  }
}
