extension DataCommands {
  static let whereCommand = CommandSpec(
    name: "where", summary: "Keep the rows for which a condition is true",
    discussion: """
      The condition sees the fields of each row as bare names (`userId`, `browser`) and the \
      whole row as $it. Filtering happens locally, after the data has been fetched.
      """,
    category: .data,
    signature: Signature([Parameter("CONDITION", .condition, help: "an expression over the row's fields")]),
    output: .sameAsInput,
    examples: [
      Example("[1, 5, 10] | where $it > 3 | to json --compact", "numbers above 3", .output("[5,10]\n")),
      Example(
        "[{n: 1, ok: true}, {n: 2, ok: false}] | where ok | get n | to json --compact",
        "rows whose field is true", .output("[1]\n")),
      Example("[{n: 1}] | where m == 1", "an unknown field is an error", .error("E204")),
    ],
    seeAlso: ["select", "sort", "first"]
  ) { invocation in
    guard let condition = invocation.rowFunctions[0] else { return invocation.input }
    var kept: [Value] = []
    for row in try invocation.inputList() where try await condition(row).isTruthy {
      kept.append(row)
    }
    return .list(kept)
  }
}
