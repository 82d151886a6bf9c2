import Testing

@testable import DSHLanguage

/// When a table of records does not fit, one block per record; a record's long values wrap.
@Suite struct VerticalViewTests {
  static let guid = "66faa6e4-f133-11ea-b126-00ffeec8b4ef"
  static let agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"

  /// Two sign-ins as `sessions` gives them, one with a long browser string.
  static let sessions: Value = .list([
    .record(
      Record(fields: [
        ("id", .int(1051)), ("current", .bool(true)), ("browser", .string(agent)), ("ip", .string("198.51.100.248")),
        ("userId", .string(guid)),
      ])),
    .record(
      Record(fields: [
        ("id", .int(1042)), ("current", .bool(false)), ("browser", "Safari 17"), ("ip", .string("192.0.2.39")),
        ("userId", .string(guid)),
      ])),
  ])

  func render(_ value: Value, width: Int, view: Settings.ViewMode = .auto) -> [String] {
    TableRenderer(width: width, view: view).render(value).split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast().map(String.init)
  }

  /// The blocks read back: for each record, its fields with the value's lines.
  func blocks(_ lines: [String]) -> [[(key: String, lines: [String])]] {
    var blocks: [[(key: String, lines: [String])]] = []
    for line in lines {
      if line.hasPrefix("─[ ") {
        blocks.append([])
        continue
      }
      let parts = line.split(separator: "│", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      let key = parts[0]
      let value = parts.count > 1 ? parts[1] : ""
      if key.isEmpty {
        blocks[blocks.count - 1][blocks[blocks.count - 1].count - 1].lines.append(value)
      } else {
        blocks[blocks.count - 1].append((key, [value]))
      }
    }
    return blocks
  }

  @Test(arguments: [40, 60])
  func aTableThatDoesNotFitBecomesOneBlockPerRecordWithEveryField(width: Int) {
    let lines = render(Self.sessions, width: width)
    #expect(lines[0].hasPrefix("─[ 0 ]"))
    #expect(lines.allSatisfy { $0.count <= width })
    let records = blocks(lines)
    #expect(records.map { $0.map(\.key) } == Array(repeating: ["id", "current", "browser", "ip", "userId"], count: 2))
    #expect(records.map { $0[3].lines } == [["198.51.100.248"], ["192.0.2.39"]])
    #expect(!lines.joined().contains("…"))
  }

  @Test(arguments: [40, 60, 100])
  func aLongValueInABlockWrapsWithNothingLost(width: Int) {
    let records = blocks(render(Self.sessions, width: width, view: .vertical))
    #expect(records[0][2].lines.joined(separator: " ") == Self.agent)
    #expect(records[0][2].lines.count > 1)
  }

  @Test func aTableThatFitsStaysATable() {
    let lines = render(Self.sessions, width: 200)
    #expect(
      lines[0] == "#  id    current  browser" + String(repeating: " ", count: Self.agent.count - 5)
        + "ip              userId")
    #expect(lines.count == 4)
  }

  @Test func fieldsAlignAndContinuationLinesKeepTheBar() {
    let lines = render(Self.sessions, width: 60, view: .vertical)
    #expect(
      Array(lines.prefix(8)) == [
        "─[ 0 ]──────────────────────────────────────────────────────",
        "id      │ 1051",
        "current │ true",
        "browser │ Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36",
        "        │ (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "ip      │ 198.51.100.248",
        "userId  │ 66faa6e4-f133-11ea-b126-00ffeec8b4ef",
        "─[ 1 ]──────────────────────────────────────────────────────",
      ])
  }

  @Test func theRuleIsNoLongerThanTheLongestLine() {
    let short: Value = .list([.record(Record(fields: [("a", 1)])), .record(Record(fields: [("a", 22)]))])
    #expect(render(short, width: 100, view: .vertical) == ["─[ 0 ]", "a │ 1", "─[ 1 ]", "a │ 22"])
  }

  @Test func viewVerticalGivesBlocksEvenWhenTheTableWouldFit() {
    let small: Value = .list([.record(Record(fields: [("id", 1), ("ip", "10.0.0.1")]))])
    #expect(render(small, width: 200, view: .vertical) == ["─[ 0 ]───────", "id │ 1", "ip │ 10.0.0.1"])
  }

  @Test func viewTableKeepsTheTableThatCutsAndLeavesColumnsOut() {
    let lines = render(Self.sessions, width: 60, view: .table)
    #expect(lines[0] == "#  id    current  browser")
    #expect(lines[2].hasSuffix("…"))
    #expect(lines.last == "(not shown, too wide: ip, userId; pick columns with select)")
    #expect(
      TableRenderer(width: 60).render(Self.sessions) == TableRenderer(width: 60, view: .table).render(Self.sessions))
  }

  @Test func aRecordMissingAFieldShowsOnlyItsOwn() {
    let mixed: Value = .list([.record(Record(fields: [("a", 1), ("b", 2)])), .record(Record(fields: [("b", 3)]))])
    #expect(render(mixed, width: 40, view: .vertical) == ["─[ 0 ]", "a │ 1", "b │ 2", "─[ 1 ]", "b │ 3"])
  }

  @Test(arguments: [40, 60, 100])
  func aGUIDIsNeverCut(width: Int) {
    let record: Value = .record(Record(fields: [("loginEventUserId", .string(Self.guid))]))
    let single = render(record, width: width)
    #expect(single.allSatisfy { $0.count <= width })
    #expect(single.map { $0.trimmingCharacters(in: .whitespaces) }.joined().hasSuffix(Self.guid))
    let lines = render(Self.sessions, width: width, view: .vertical)
    #expect(blocks(lines).allSatisfy { $0[4].lines.joined() == Self.guid })
    #expect(!(single + lines).joined().contains("…"))
  }

  @Test func aGUIDIsOnOneLineWhereItFits() {
    #expect(render(.record(Record(fields: [("userId", .string(Self.guid))])), width: 60) == ["userId  " + Self.guid])
  }

  // MARK: A single record

  @Test(arguments: [40, 60, 100])
  func aRecordsLongLinkWrapsUnderItsValueWithNothingLost(width: Int) {
    let record: Value = .record(
      Record(fields: [("email", "olivia@example.com"), ("link", .string(TextWrapTests.link))]))
    let lines = render(record, width: width)
    #expect(lines[0] == "email  olivia@example.com")
    #expect(lines[1].hasPrefix("link   https://"))
    #expect(lines.allSatisfy { $0.count <= width })
    #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("       ") })
    #expect(lines.dropFirst().map { String($0.dropFirst(7)) }.joined() == TextWrapTests.link)
  }

  // MARK: Escaping

  @Test func controlCharactersInABlockAreEscaped() {
    let hostile: Value = .list([
      .record(
        Record(fields: [
          ("browser", .string("Chrome\u{1B}]0;pwned\u{7} \u{9B}2J \u{202E}txt.exe")), ("na\u{1B}[2Jme", "x\ny"),
          ("page", .string(String(repeating: "\u{1B}[31m", count: 20))),
        ]))
    ])
    let text = TableRenderer(width: 40, view: .vertical).render(hostile)
    let raw: [UInt32] = [0x1B, 0x07, 0x9B, 0x202E, 0x0D]
    #expect(!text.unicodeScalars.contains { raw.contains($0.value) })
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[1] == #"browser   │ Chrome\e]0;pwned\u{7}"#)
    #expect(lines[2] == #"          │ \u{9b}2J \u{202e}txt.exe"#)
    #expect(lines[3] == #"na\e[2Jme │ x⏎y"#)
    #expect(blocks(lines)[0][2].lines.joined() == String(repeating: #"\e[31m"#, count: 20))
  }

  // MARK: set view

  @Test func setViewIsASettingShownBySet() async {
    #expect(await evaluate("set | get view").output == "auto\n")
    #expect(await evaluate("set view vertical\nset | get view").output == "vertical\n")
    #expect(await evaluate("set view table\nset | get view").output == "table\n")
  }

  @Test func toTableGivesATableWhateverTheView() async {
    let program = "set view vertical\n[{id: 1, page: \"https://portal.example.com/rooms\"}] | to table --width 20"
    #expect(await evaluate(program).output == "#  id  page\n─  ──  ─────────────\n0  1   https://port…\n")
  }

  @Test func aViewThatIsNotOneOfTheThreeIsACheckFinding() {
    guard case .success(let program) = parse("set view xml") else {
      Issue.record("syntax error")
      return
    }
    let findings = ProgramChecker.check(program, in: CheckContext(registry: CommandRegistry(DataCommands.all)))
    #expect(
      findings.errors.map { "\($0.error.code) \($0.error.message) | \($0.error.label ?? "")" } == [
        "E208 'xml' is not a value for view | view takes auto|table|vertical"
      ])
  }
}
