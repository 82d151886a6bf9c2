/// CSV (RFC 4180) for a list of records, a record, or scalars.
public enum CSVWriter {
  /// The value as CSV lines ending in `\n`: a header and one row per record (columns in first-seen
  /// order), or one quoted cell per scalar.
  public static func write(_ value: Value) -> String {
    let rows: [Record]
    switch value {
    case .list(let items) where items.allSatisfy({ $0.asRecord != nil }): rows = items.compactMap(\.asRecord)
    case .record(let record): rows = [record]
    case .list(let items): return items.map { quote($0) + "\n" }.joined()
    default: return quote(value) + "\n"
    }
    var columns: [String] = []
    for row in rows { for name in row.names where !columns.contains(name) { columns.append(name) } }
    var output = columns.map { quote(.string($0)) }.joined(separator: ",") + "\n"
    for row in rows {
      output += columns.map { quote(row[$0] ?? .null) }.joined(separator: ",") + "\n"
    }
    return output
  }

  static func quote(_ value: Value) -> String {
    let text: String
    switch value {
    case .list, .record: text = JSON.encode(value, indent: nil)
    default: text = value.displayText
    }
    guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
