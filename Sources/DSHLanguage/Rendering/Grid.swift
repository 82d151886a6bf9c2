/// A list of records as the cells of a table: a `#` column, then every field name in the
/// order the records first give it, each column as wide as its widest cell.
struct Grid {
  var header: [String]
  var body: [[String]]
  var widths: [Int]

  init(_ rows: [Record], cell: (Value) -> String) {
    var columns: [String] = []
    var seen: Set<String> = []
    for row in rows { for name in row.names where seen.insert(name).inserted { columns.append(name) } }
    let header = ["#"] + columns.map(TableRenderer.name)
    let body = rows.enumerated().map { index, row in [String(index)] + columns.map { cell(row[$0] ?? .null) } }
    widths = header.indices.map { column in
      ([header[column]] + body.map { $0[column] }).map(\.count).max() ?? 1
    }
    self.header = header
    self.body = body
  }

  /// The width of the table with every cell whole and two spaces between columns.
  var naturalWidth: Int { widths.reduce(2 * (widths.count - 1), +) }
}
