extension DataCommands {
  static let to = CommandSpec(
    name: "to", summary: "Convert the input to text: json, csv or table",
    category: .data,
    signature: Signature(
      [Parameter("FORMAT", help: "json, csv or table").checked(.oneOf(["json", "csv", "table"]))],
      flags: [
        Flag("compact", help: "json on one line"),
        Flag("width", value: "N", help: "table width").checked(.int(1...10_000)),
      ]),
    output: .fixed(.scalar("string")),
    examples: [
      Example("{a: 1} | to json --compact", "JSON on one line", .output("{\"a\":1}\n")),
      Example("[{a: 1, b: \"x,y\"}] | to csv", "CSV with a header", .output("a,b\n1,\"x,y\"\n")),
    ],
    seeAlso: ["from", "set"]
  ) { invocation in
    let format = invocation.positional(0)?.asString ?? ""
    switch format {
    case "json": return .string(JSON.encode(invocation.input, indent: invocation.flag("compact") ? nil : 2))
    case "csv":
      return .string(DateText.$zone.withValue(invocation.settings.timeZone) { CSVWriter.write(invocation.input) })
    case "table":
      let width = invocation.flags["width"]?.asInt ?? 100
      return .string(
        DateText.$zone.withValue(invocation.settings.timeZone) { TableRenderer(width: width).render(invocation.input) })
    default:
      throw CommandFailure(
        .usage, "unknown format '\(format)'", help: "use json, csv or table", argument: .positional(0))
    }
  }
}
