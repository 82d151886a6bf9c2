extension TableRenderer {
  /// One block per record, as psql's expanded display: a rule naming the record's index, then
  /// `field │ value` lines with the fields aligned; a value too long for its line goes on over
  /// the next lines (wrapped, never cut).
  func vertical(_ rows: [Record]) -> String {
    let keys = rows.map { $0.names.map(Self.name) }
    let keyWidth = keys.joined().map(\.count).max() ?? 0
    let room = max(Self.narrowestWrap, width - keyWidth - 3)
    let blocks = rows.map { row in row.fields.map { TextWrap.lines(cell($0.value), width: room) } }
    let longest = blocks.joined().joined().map(\.count).max() ?? 0
    let ruleWidth = min(width, keyWidth + 3 + longest)
    let blank = String(repeating: " ", count: keyWidth)
    var output = ""
    for (index, block) in blocks.enumerated() {
      let label = "─[ \(index) ]"
      output += label + String(repeating: "─", count: max(0, ruleWidth - label.count)) + "\n"
      for (key, lines) in zip(keys[index], block) {
        for (number, line) in lines.enumerated() {
          output += ((number == 0 ? key.padded(to: keyWidth) : blank) + " │ " + line).trimmingTrailingSpaces() + "\n"
        }
      }
    }
    return output
  }
}
