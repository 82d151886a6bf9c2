extension DataCommands {
  static let vars = CommandSpec(
    name: "vars", summary: "The variables of this session, with their types",
    category: .shell, output: .fixed(.list(.record(name: "variable", fields: ["name", "type", "value"]))),
    examples: [Example("$x = 1; vars | where name == \"x\" | get type | first", "a variable's type", .output("int\n"))],
    seeAlso: ["set"]
  ) { invocation in
    let variables = await invocation.session.variables
    return .list(
      variables.sorted { $0.key < $1.key }.map { name, value in
        .record(
          Record(
            kind: "variable",
            fields: [
              ("name", .string(name)), ("type", .string(value.typeName)),
              ("value", .string(TableRenderer(width: 60).cell(value))),
            ]))
      })
  }
}
