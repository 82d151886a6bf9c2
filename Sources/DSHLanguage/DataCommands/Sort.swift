extension DataCommands {
  static let sort = CommandSpec(
    name: "sort", summary: "Sort rows by a field (stable), or values by themselves",
    category: .data,
    signature: Signature(
      [Parameter("FIELD", .field, optional: true, help: "the field to sort by")],
      flags: [Flag("desc", help: "largest first", synonyms: ["reverse", "descending", "rev"])]),
    output: .sameAsInput,
    examples: [
      Example("[3, 1, 2] | sort | to json --compact", "values", .output("[1,2,3]\n")),
      Example(
        "[{n: 2, k: \"a\"}, {n: 1, k: \"b\"}, {n: 2, k: \"c\"}] | sort n --desc | get k | to json --compact",
        "by a field, largest first; ties keep their order", .output("[\"a\",\"c\",\"b\"]\n")),
    ],
    seeAlso: ["first", "last"]
  ) { invocation in
    let rows = try invocation.inputList()
    let name = try Fields.names(invocation).first
    let keys = try rows.map { row in
      try name.map { try Fields.value($0, in: row, argument: .positional(0)) } ?? row
    }
    let descending = invocation.flag("desc")
    let order = rows.indices.sorted { a, b in
      if keys[a].sortsBefore(keys[b]) { return !descending }
      if keys[b].sortsBefore(keys[a]) { return descending }
      return a < b
    }
    return .list(order.map { rows[$0] })
  }
}
