import Foundation

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
