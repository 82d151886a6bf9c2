import Foundation

extension DataCommands {
  static let open = CommandSpec(
    name: "open", summary: "Read a file: .json as a value, .csv as a list of records, anything else as text",
    discussion: """
      Paths are relative to the working directory; ~ is your home. `open -` reads standard input \
      (dsh -c, dsh FILE; in the REPL it is the terminal, so give a file there).
      CSV follows RFC 4180: the first row names the fields, every value is a string (into int \
      converts), quoted fields may hold commas, line breaks and doubled quotes, CRLF or LF ends \
      a record, blank lines are skipped; a record is at most 8 MiB and \(CSVReader.maximumFields) fields.
      Files must be UTF-8 and at most \(DataFile.maximumText). Bad JSON or CSV is reported as \
      FILE:LINE:COLUMN.
      """,
    category: .data,
    signature: Signature(
      [Parameter("FILE", help: "a path (~ is home), or - for standard input").completing(.files)],
      flags: [
        Flag("raw", help: "the text as it is, whatever the extension"), Flag("json", help: "parse as JSON"),
        Flag("csv", help: "parse as CSV"),
      ]),
    output: .unknown,
    examples: [
      Example(
        "open users.csv --raw --csv", "one way to read at a time (open users.csv reads its records)", .error("E205"))
    ],
    seeAlso: ["save", "from", "lines"]
  ) { invocation in
    let path = try TextInput.string(invocation, at: 0, named: "FILE")
    let chosen = ["raw", "json", "csv"].filter { invocation.flag($0) }
    guard chosen.count <= 1 else {
      throw CommandFailure(
        .usage, "choose one of --\(chosen.joined(separator: ", --"))", argument: .flag(chosen[1]))
    }
    let bytes: [UInt8]
    let shown: String
    let kind: String
    if path == "-" {
      shown = "<stdin>"
      kind = chosen.first ?? "raw"
      bytes = try await invocation.host.readStandardInput(limit: DataFile.maximumBytes)
      guard bytes.count <= DataFile.maximumBytes else {
        throw CommandFailure(
          .input, "standard input is larger than \(DataFile.maximumText), the most open reads", argument: .positional(0)
        )
      }
    } else {
      shown = path
      let expanded = DataFile.expand(path, home: await invocation.session.environment["HOME"])
      kind = chosen.first ?? DataFile.kind(of: path)
      if kind == "json" { return try JSONFile(buffer: DataFile.load(expanded, shownAs: path), shown: path).value() }
      bytes = try DataFile.read(expanded, shownAs: path)
    }
    let text: String
    do throws(ScriptFile.ReadError) {
      text = try ScriptFile.decode(bytes)
    } catch {
      throw CommandFailure(
        .input, "cannot open '\(shown)': \(error.message.replacingOccurrences(of: "the file is", with: "it is"))",
        argument: .positional(0))
    }
    switch kind {
    case "json":
      do throws(JSON.ParseError) {
        return try JSON.parse(text)
      } catch {
        let position = TextPosition(utf8Offset: error.offset, in: text)
        throw CommandFailure(.input, "\(shown):\(position): invalid JSON: \(error.message)", argument: .positional(0))
      }
    case "csv":
      do throws(CSVReader.ParseError) {
        return try CSVReader.records(text)
      } catch {
        throw CommandFailure(
          .input, "\(shown):\(error.position): invalid CSV: \(error.message)", argument: .positional(0))
      }
    default:
      return .string(text)
    }
  }
}
