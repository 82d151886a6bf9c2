/// Renders values for people: a list of records as an aligned table fitted to a width (or,
/// when that does not fit, as one block per record), a record as key/value lines, a list of
/// scalars one per line, a scalar plainly.
///
/// Cells, headers and keys always have their control characters escaped (`TerminalText`):
/// tables are for people. A scalar is the value itself (`to csv` output, say) and is returned
/// as it is; whoever writes it to a terminal escapes it there.
public struct TableRenderer: Sendable {
  /// The columns available; a table wider than this is shown as one block per record.
  public var width: Int
  /// How a list of records is shown.
  ///
  /// A record's own values are wrapped in every view.
  public var view: Settings.ViewMode

  /// `view` is `.table` unless given: what `to table` shows; results follow `set view`.
  public init(width: Int, view: Settings.ViewMode = .table) {
    self.width = max(20, width)
    self.view = view
  }

  /// The value as text for a terminal, ending in a newline (`(empty list)` for an empty list,
  /// nothing for null).
  public func render(_ value: Value) -> String {
    switch value {
    case .list(let items) where items.isEmpty: return "(empty list)\n"
    case .list(let items) where items.allSatisfy({ $0.asRecord != nil }):
      return records(items.compactMap(\.asRecord))
    case .list(let items): return items.map { cell($0) + "\n" }.joined()
    case .record(let record): return keyValues(record)
    case .null: return ""
    case .string(let text) where text.utf8.last == UInt8(ascii: "\n"): return text
    default: return value.displayText + "\n"
    }
  }

  /// A table, unless the view is vertical or is auto and the table would not fit whole.
  func records(_ rows: [Record]) -> String {
    guard view != .vertical else { return vertical(rows) }
    let grid = Grid(rows, cell: cell)
    if view == .auto, grid.naturalWidth > width { return vertical(rows) }
    return table(grid)
  }

  /// A cell's text on one line: nested lists and records summarised, line breaks as `⏎`,
  /// other control characters escaped.
  func cell(_ value: Value) -> String {
    switch value {
    case .list(let items): return "[\(items.count) item\(items.count == 1 ? "" : "s")]"
    case .record(let record): return "{\(record.names.map(Self.name).joined(separator: ", "))}"
    default:
      return TerminalText.escaped(value.displayText.replacingOccurrences(of: "\n", with: "⏎"), keepNewlines: false)
    }
  }

  /// A field name as a header or key.
  static func name(_ text: String) -> String { TerminalText.escaped(text, keepNewlines: false) }

  /// `key  value` lines, keys aligned; a value too long for its line goes on over the next
  /// lines, under its first.
  func keyValues(_ record: Record) -> String {
    let keyWidth = record.names.map { Self.name($0).count }.max() ?? 0
    let room = max(Self.narrowestWrap, width - keyWidth - 2)
    let indent = String(repeating: " ", count: keyWidth + 2)
    return record.fields.map { field in
      let lines = TextWrap.lines(cell(field.value), width: room)
      return Self.name(field.name).padded(to: keyWidth) + "  " + lines.joined(separator: "\n" + indent) + "\n"
    }.joined()
  }

  /// A value is wrapped to no fewer characters a line than this, even where a long field name
  /// leaves less room.
  static let narrowestWrap = 10

  /// When a table is too wide, no cell is wider than this (or half the width); longer texts end in `…`.
  static let widestCell = 40
  /// A column is not cut to fewer characters than this, but left out.
  static let narrowest = 12

  /// The columns at their natural widths; when that is too wide, long cells are cut and as
  /// many columns shown as fit, and a last line names the rest.
  func table(_ grid: Grid) -> String {
    let header = grid.header
    var widths = grid.widths
    if grid.naturalWidth > width {
      let widest = max(Self.widestCell, width / 2)
      widths = widths.map { min($0, widest) }
    }
    let shown = fittingColumns(&widths)
    let line = { (cells: [String]) in
      shown.map { self.fit(cells[$0], widths[$0]).padded(to: widths[$0]) }
        .joined(separator: "  ").trimmingTrailingSpaces()
    }
    var output = line(header) + "\n"
    output += shown.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ") + "\n"
    for cells in grid.body { output += line(cells) + "\n" }
    let hidden = header.indices.filter { !shown.contains($0) }.map { header[$0] }
    if !hidden.isEmpty {
      output += "(not shown, too wide: \(hidden.joined(separator: ", ")); pick columns with select)\n"
    }
    return output
  }

  /// The columns that fit, in order, stopping at the first that does not: that one is still
  /// shown, cut, when at least `narrowest` of it fits (the first column always is).
  private func fittingColumns(_ widths: inout [Int]) -> [Int] {
    var shown: [Int] = []
    var used = 0
    for column in widths.indices {
      let gap = shown.isEmpty ? 0 : 2
      if used + gap + widths[column] <= width {
        shown.append(column)
        used += gap + widths[column]
        continue
      }
      let room = width - used - gap
      if room >= Self.narrowest || shown.count < 2 {
        widths[column] = max(1, room)
        shown.append(column)
      }
      break
    }
    return shown
  }

  func fit(_ text: String, _ limit: Int) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(max(0, limit - 1))) + "…"
  }
}

extension String {
  /// Spaces added up to `width` characters (not UTF-16 units, as Foundation's `padding` counts,
  /// which would cut a text with combining marks short).
  func padded(to width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }

  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
