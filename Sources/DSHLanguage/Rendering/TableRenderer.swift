/// Renders values for people: a list of records as an aligned table fitted to a width,
/// a record as key/value lines, a list of scalars one per line, a scalar plainly.
public struct TableRenderer: Sendable {
  public var width: Int

  public init(width: Int) { self.width = max(20, width) }

  public func render(_ value: Value) -> String {
    switch value {
    case .list(let items) where items.isEmpty: return "(empty list)\n"
    case .list(let items) where items.allSatisfy({ $0.asRecord != nil }):
      return table(items.compactMap(\.asRecord))
    case .list(let items): return items.map { cell($0) + "\n" }.joined()
    case .record(let record): return keyValues(record)
    case .null: return ""
    case .string(let text) where text.hasSuffix("\n"): return text
    default: return value.displayText + "\n"
    }
  }

  /// A cell's text: nested lists and records summarised.
  func cell(_ value: Value) -> String {
    switch value {
    case .list(let items): return "[\(items.count) item\(items.count == 1 ? "" : "s")]"
    case .record(let record): return "{\(record.names.joined(separator: ", "))}"
    default: return value.displayText.replacingOccurrences(of: "\n", with: "⏎")
    }
  }

  func keyValues(_ record: Record) -> String {
    let keyWidth = record.names.map(\.count).max() ?? 0
    return record.fields.map { field in
      let key = field.name.padding(toLength: keyWidth, withPad: " ", startingAt: 0)
      return fit("\(key)  \(cell(field.value))", width) + "\n"
    }.joined()
  }

  func table(_ rows: [Record]) -> String {
    var columns: [String] = []
    for row in rows { for name in row.names where !columns.contains(name) { columns.append(name) } }
    let header = ["#"] + columns
    let body = rows.enumerated().map { index, row in [String(index)] + columns.map { cell(row[$0] ?? .null) } }
    var widths = header.indices.map { column in
      ([header[column]] + body.map { $0[column] }).map(\.count).max() ?? 1
    }
    shrink(&widths, header: header)
    let line = { (cells: [String]) in
      zip(cells, widths).map { self.fit($0, $1).padding(toLength: $1, withPad: " ", startingAt: 0) }
        .joined(separator: "  ").trimmingTrailingSpaces()
    }
    var output = line(header) + "\n"
    output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
    for cells in body { output += line(cells) + "\n" }
    return output
  }

  /// Narrows the widest columns until the table fits, never below the header or 6.
  private func shrink(_ widths: inout [Int], header: [String]) {
    let gaps = 2 * (widths.count - 1)
    while widths.reduce(0, +) + gaps > width {
      guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) else { return }
      let floor = max(6, min(header[widest].count, 12))
      guard widths[widest] > floor else { return }
      widths[widest] -= 1
    }
  }

  func fit(_ text: String, _ limit: Int) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(max(0, limit - 1))) + "…"
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
