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

  static let save = CommandSpec(
    name: "save", summary: "Write the input to a file: .json as JSON, .csv as CSV, anything else as text",
    discussion: """
      A .json file gets indented JSON, a .csv file CSV with a header row, any other file text: \
      a string as it is (with a final line break), a list one item per line. An existing file \
      is refused unless --force (replace it) or --append (add to it; a .csv file then gets rows \
      only, in the order of its header). New files are created with mode 0600, readable only by \
      you: what dsh saves mostly comes from the portal. Returns nothing.
      """,
    category: .data,
    signature: Signature(
      [Parameter("FILE", help: "a path (~ is home)").completing(.files)],
      flags: [
        Flag("append", help: "add to the end of the file"), Flag("force", help: "replace an existing file"),
      ]),
    output: .fixed(.scalar("null")),
    examples: [
      Example("{a: 1} | save report.json --append", "a JSON file holds one value: no appending", .error("E205"))
    ],
    seeAlso: ["open", "to"]
  ) { invocation in
    let path = try TextInput.string(invocation, at: 0, named: "FILE")
    let append = invocation.flag("append")
    if append && invocation.flag("force") {
      throw CommandFailure(.usage, "choose one of --append, --force", argument: .flag("force"))
    }
    guard path != "-" else {
      throw CommandFailure(
        .usage, "save writes files", help: "print writes to standard output", argument: .positional(0))
    }
    let kind = DataFile.kind(of: path)
    if append && kind == "json" {
      throw CommandFailure(
        .usage, "cannot append to a .json file: it would no longer hold one JSON value",
        help: "save the whole value with --force, or use a .csv or text file", argument: .flag("append"))
    }
    let expanded = DataFile.expand(path, home: await invocation.session.environment["HOME"])
    let bytes = try DateText.$zone.withValue(invocation.settings.timeZone) {
      switch kind {
      case "json": return Array((JSON.encode(invocation.input) + "\n").utf8)
      case "csv":
        return Array(try SavedText.csv(invocation.input, appendingTo: append ? expanded : nil, shownAs: path).utf8)
      default: return Array(SavedText.text(invocation.input).utf8)
      }
    }
    try DataFile.write(
      bytes, to: expanded, shownAs: path, mode: append ? .append : invocation.flag("force") ? .replace : .create)
    return .null
  }
}

/// The text `save` writes for a value.
enum SavedText {
  /// A string as it is, ending in a line break; a list one item per line; a record as JSON.
  static func text(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .string(let text): return text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    case .list(let items):
      return items.map { item in
        switch item {
        case .list, .record: return JSON.encode(item, indent: nil) + "\n"
        default: return item.displayText + "\n"
        }
      }.joined()
    case .record: return JSON.encode(value) + "\n"
    default: return value.displayText + "\n"
    }
  }

  /// CSV with a header; appended to a non-empty CSV file, the rows alone, in its header's order.
  static func csv(_ value: Value, appendingTo path: String?, shownAs shown: String) throws -> String {
    guard let path, let header = try existingHeader(path, shownAs: shown) else { return CSVWriter.write(value) }
    let rows: [Record]
    switch value {
    case .record(let record): rows = [record]
    case .list(let items) where items.allSatisfy({ $0.asRecord != nil }): rows = items.compactMap(\.asRecord)
    default:
      throw CommandFailure(.input, "appending to a CSV file needs records, got \(value.typeName)")
    }
    for row in rows {
      if let extra = row.names.first(where: { !header.contains($0) }) {
        throw CommandFailure(
          .input, "the rows have a field '\(extra)' that the header of '\(shown)' lacks",
          help: "its header: \(header.joined(separator: ", "))")
      }
    }
    return rows.map { row in header.map { CSVWriter.quote(row[$0] ?? .null) }.joined(separator: ",") + "\n" }.joined()
  }

  /// The field names of an existing CSV file's first record; nil when there is no such file or it is empty.
  private static func existingHeader(_ path: String, shownAs shown: String) throws -> [String]? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let bytes = try DataFile.read(path, shownAs: shown, limit: CSVReader.maximumRecordBytes + 4, prefixOnly: true)
    let text = String(decoding: bytes, as: UTF8.self)
    do throws(CSVReader.ParseError) {
      return try CSVReader.rows(text, limit: 1).first?.fields
    } catch {
      throw CommandFailure(.input, "\(shown):\(error.position): invalid CSV header: \(error.message)")
    }
  }
}
