extension DataCommands {
  static let to = CommandSpec(
    name: "to", summary: "Convert the input to text: json, csv or table",
    category: .data,
    signature: Signature(
      [Parameter("FORMAT", help: "json, csv or table")],
      flags: [Flag("compact", help: "json on one line"), Flag("width", value: "N", help: "table width")]),
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
    case "csv": return .string(CSVWriter.write(invocation.input))
    case "table":
      let width = invocation.flags["width"]?.asInt ?? 100
      return .string(TableRenderer(width: width).render(invocation.input))
    default:
      throw CommandFailure(
        .usage, "unknown format '\(format)'", help: "use json, csv or table", argument: .positional(0))
    }
  }

  static let from = CommandSpec(
    name: "from", summary: "Parse text flowing in: from json",
    category: .data,
    signature: Signature([Parameter("FORMAT", help: "json")]),
    output: .unknown,
    examples: [Example("'{\"a\": [1, 2]}' | from json | get a | count", "parse, then use", .output("2\n"))],
    seeAlso: ["to"]
  ) { invocation in
    guard invocation.positional(0)?.asString == "json" else {
      throw CommandFailure(.usage, "only 'from json' is supported", argument: .positional(0))
    }
    guard case .string(let text) = invocation.input else {
      throw CommandFailure(.input, "'from json' needs a string as input, got \(invocation.input.typeName)")
    }
    do {
      return try JSON.parse(text)
    } catch let error as JSON.ParseError {
      throw CommandFailure(.input, "invalid JSON at offset \(error.offset): \(error.message)")
    }
  }

  static let print = CommandSpec(
    name: "print", summary: "Write the arguments, separated by spaces, then a newline",
    discussion: "With no arguments, prints the input. Returns nothing, so nothing more is shown.",
    category: .data,
    signature: Signature(rest: Parameter("VALUE", help: "what to print")),
    output: .fixed(.scalar("null")),
    examples: [Example("print \"a\" 1 true", "strings plainly, values as text", .output("a 1 true\n"))],
    seeAlso: ["to"]
  ) { invocation in
    let values = invocation.positionals.isEmpty ? [invocation.input] : invocation.positionals
    invocation.host.write(values.map(\.displayText).joined(separator: " ") + "\n")
    return .null
  }
}
