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

  static let from = CommandSpec(
    name: "from", summary: "Parse text flowing in: from json, from csv, from lines",
    discussion: """
      from csv reads RFC 4180 CSV (the first row names the fields, values are strings); \
      from lines is the same as lines. Errors say where: LINE:COLUMN.
      """,
    category: .data,
    signature: Signature([Parameter("FORMAT", help: "json, csv or lines").checked(.oneOf(["json", "csv", "lines"]))]),
    output: .unknown,
    examples: [
      Example("'{\"a\": [1, 2]}' | from json | get a | count", "parse, then use", .output("2\n")),
      Example(
        "\"name,n\\r\\nAnn,\\\"1,5\\\"\\r\\n\" | from csv | to json --compact", "CSV with a quoted comma",
        .output("[{\"name\":\"Ann\",\"n\":\"1,5\"}]\n")),
      Example("\"a,b\\n1,\\\"2\" | from csv", "an unclosed quote is an error at its line and column", .error("E205")),
    ],
    seeAlso: ["to", "open", "lines"]
  ) { invocation in
    let format = invocation.positional(0)?.asString ?? ""
    guard ["json", "csv", "lines"].contains(format) else {
      throw CommandFailure(
        .usage, "unknown format '\(format)'", help: "use json, csv or lines", argument: .positional(0))
    }
    guard case .string(let text) = invocation.input else {
      throw CommandFailure(.input, "'from \(format)' needs a string as input, got \(invocation.input.typeName)")
    }
    switch format {
    case "csv":
      do throws(CSVReader.ParseError) {
        return try CSVReader.records(text)
      } catch {
        throw CommandFailure(.input, "invalid CSV at \(error.position): \(error.message)")
      }
    case "lines":
      return .list(Self.splitLines(text).map(Value.string))
    default:
      do throws(JSON.ParseError) {
        return try JSON.parse(text)
      } catch {
        throw CommandFailure(
          .input, "invalid JSON at \(TextPosition(utf8Offset: error.offset, in: text)): \(error.message)")
      }
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
    let text = DateText.$zone.withValue(invocation.settings.timeZone) {
      values.map(\.displayText).joined(separator: " ")
    }
    invocation.host.write(text + "\n")
    return .null
  }
}
