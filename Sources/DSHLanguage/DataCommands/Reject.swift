extension DataCommands {
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
