extension DataCommands {
  static let count = CommandSpec(
    name: "count", summary: "How many items flow in",
    category: .data, output: .fixed(.scalar("int")),
    examples: [Example("[4, 5, 6] | count", "three items", .output("3\n"))],
    seeAlso: ["where"]
  ) { invocation in
    if case .record(let record) = invocation.input { return .int(record.names.count) }
    return .int(try invocation.inputList().count)
  }
}
