extension DataCommands {
  static let get = CommandSpec(
    name: "get", summary: "Take one field's value from a record, or from every row of a list",
    category: .data,
    signature: Signature([Parameter("FIELD", .field, help: "the field; a.b for a nested one")]),
    output: .unknown,
    examples: [
      Example("{user: {name: \"Ann\"}} | get user.name", "a nested field", .output("Ann\n")),
      Example("[{id: 1}, {id: 2}] | get id | to json --compact", "a column as a list", .output("[1,2]\n")),
    ],
    seeAlso: ["select"]
  ) { invocation in
    guard let name = try Fields.names(invocation).first else { return .null }
    if case .record = invocation.input {
      return try Fields.value(name, in: invocation.input, argument: .positional(0))
    }
    return .list(try invocation.inputList().map { try Fields.value(name, in: $0, argument: .positional(0)) })
  }
}
