extension DataCommands {
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
}
