import DSHLanguage
import Testing

/// How a list of records becomes a table that fits the terminal.
@Suite struct TableRendererTests {
  let rows: Value = .list([
    .record(
      Record(fields: [
        ("id", .int(1019)), ("browser", .string("Safari 17")), ("ip", .string("198.51.100.248")),
        ("page", .string("https://portal.example.com/rooms/shared/filter?folder=1234&count=100")),
      ])),
    .record(
      Record(fields: [
        ("id", .int(1006)), ("browser", .string("Edge 120")), ("ip", .string("192.0.2.39")),
        ("page", .string("https://portal.example.com/")),
      ])),
  ])

  func lines(width: Int) -> [String] {
    TableRenderer(width: width).render(rows).split(separator: "\n").map(String.init)
  }

  @Test func aTableThatFitsShowsEveryCellWhole() {
    let table = lines(width: 200)
    #expect(table[0] == "#  id    browser    ip              page")
    #expect(table[2].hasSuffix("https://portal.example.com/rooms/shared/filter?folder=1234&count=100"))
    #expect(table.count == 4)
  }

  @Test func columnsBeyondTheWidthAreLeftOutAndNamed() {
    let table = lines(width: 40)
    #expect(table[0] == "#  id    browser    ip")
    #expect(table[2] == "0  1019  Safari 17  198.51.100.248")
    #expect(table.last == "(not shown, too wide: page; pick columns with select)")
    #expect(table.allSatisfy { $0.count <= 40 || $0.hasPrefix("(not shown") })
  }

  @Test func theColumnAtTheEdgeIsCutWhenEnoughOfItShows() {
    let table = lines(width: 60)
    #expect(table[0].hasSuffix("page"))
    #expect(table[2].count == 60)
    #expect(table[2].hasSuffix("198.51.100.248  https://portal.example.…"))
    #expect(table.count == 4)
  }

  @Test func aLongCellIsCutToFortyWhenTheTableIsTooWide() {
    let table = lines(width: 80)
    #expect(table[2].hasSuffix("https://portal.example.com/rooms/shared…"))
    #expect(table[2].split(separator: " ").last?.count == 40)
  }

  @Test func theFirstColumnShowsCutWhenNothingElseFits() {
    let wide: Value = .list([
      .record(Record(fields: [("page", .string(String(repeating: "x", count: 50))), ("id", 1)]))
    ])
    let table = TableRenderer(width: 20).render(wide).split(separator: "\n").map(String.init)
    #expect(table[0] == "#  page")
    #expect(table[2] == "0  " + String(repeating: "x", count: 16) + "…")
    #expect(table.last == "(not shown, too wide: id; pick columns with select)")
  }

  @Test func aHostileBrowserInASessionTableReachesTheTerminalEscaped() {
    let sessions: Value = .list([
      .record(Record(fields: [("id", .int(7)), ("browser", .string("Chrome\u{1B}]0;pwned\u{7}")), ("city", "Oslo")]))
    ])
    let table = TableRenderer(width: 100).render(sessions)
    #expect(!table.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(table.split(separator: "\n")[2] == #"0  7   Chrome\e]0;pwned\u{7}  Oslo"#)
  }

  @Test func escapedCellsKeepTheColumnsAligned() {
    let rows: Value = .list([
      .record(Record(fields: [("a", .string("\u{9B}2J")), ("b", "x")])),
      .record(Record(fields: [("a", "plain"), ("b", "y")])),
    ])
    let table = TableRenderer(width: 100).render(rows).split(separator: "\n").map(String.init)
    #expect(table[2] == #"0  \u{9b}2J  x"#)
    #expect(table[3] == "1  plain     y")
  }

  @Test func headersAndRecordKeysAreEscaped() {
    let row = Record(fields: [("na\u{1B}[2Jme", "v")])
    #expect(TableRenderer(width: 100).render(.list([.record(row)])).hasPrefix(#"#  na\e[2Jme"#))
    #expect(TableRenderer(width: 100).render(.record(row)) == #"na\e[2Jme  v"# + "\n")
  }

  @Test func aScalarStringIsTheExactValueAndEndsInOneLineBreak() {
    #expect(TableRenderer(width: 100).render(.string("a,b\r\n\u{1B}[1m,c\r\n")) == "a,b\r\n\u{1B}[1m,c\r\n")
  }

  @Test func wideAndCombiningCharactersAreShownAsTheyAre() {
    let rows: Value = .list([.record(Record(fields: [("city", .string("Zu\u{308}rich 東京"))]))])
    #expect(TableRenderer(width: 100).render(rows).split(separator: "\n")[2] == "0  Zu\u{308}rich 東京")
  }
}
