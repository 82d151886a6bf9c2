import DSHLanguage
import Testing

/// RFC 4180 reading: quoting, line endings, strictness, positions of errors, bounds.
@Suite struct CSVReaderTests {
  func records(_ text: String) throws -> String {
    JSON.encode(try CSVReader.records(text), indent: nil)
  }

  func error(_ text: String) -> CSVReader.ParseError? {
    do {
      _ = try CSVReader.records(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func theHeaderNamesTheFields() throws {
    #expect(try records("a,b\n1,2\n3,4\n") == #"[{"a":"1","b":"2"},{"a":"3","b":"4"}]"#)
  }

  @Test func crlfAndLFBothEndRecords() throws {
    #expect(try records("a,b\r\n1,2\n3,4\r\n") == #"[{"a":"1","b":"2"},{"a":"3","b":"4"}]"#)
  }

  @Test func theLastRecordNeedsNoLineBreak() throws {
    #expect(try records("a\nx") == #"[{"a":"x"}]"#)
  }

  @Test func quotedFieldsHoldCommasBreaksAndDoubledQuotes() throws {
    #expect(try records("a,b\n\"x,y\",\"say \"\"hi\"\"\r\nbye\"\n") == #"[{"a":"x,y","b":"say \"hi\"\r\nbye"}]"#)
  }

  @Test func emptyFieldsAndATrailingComma() throws {
    #expect(try records("a,b,c\n,,\n\"\",x,\n") == #"[{"a":"","b":"","c":""},{"a":"","b":"x","c":""}]"#)
  }

  @Test func blankLinesAreSkipped() throws {
    #expect(try records("a\n\n1\r\n\r\n2\n\n") == #"[{"a":"1"},{"a":"2"}]"#)
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    #expect(try records("\u{FEFF}a\n1\n") == #"[{"a":"1"}]"#)
  }

  @Test func anEmptyTextAndAHeaderAloneAreEmptyLists() throws {
    #expect(try records("") == "[]")
    #expect(try records("a,b\r\n") == "[]")
  }

  @Test func anUnclosedQuoteIsReportedWhereItOpens() {
    let failure = error("a,b\n1,\"2\n3,4\n")
    #expect(failure?.position == TextPosition(line: 2, column: 3))
    #expect(failure?.message.contains("never closed") == true)
  }

  @Test func textAfterAClosingQuoteIsAnError() {
    let failure = error("a,b\r\n\"x\"y,2\r\n")
    #expect(failure?.position == TextPosition(line: 2, column: 4))
    #expect(failure?.message.contains("after a closing quote") == true)
  }

  @Test func aQuoteInsideAnUnquotedFieldIsAnError() {
    let failure = error("a\nab\"c\n")
    #expect(failure?.position == TextPosition(line: 2, column: 3))
    #expect(failure?.message.contains("unquoted field") == true)
  }

  @Test func theColumnCountsCharactersNotBytes() {
    #expect(error("a,b\nçé,x\"\n")?.position == TextPosition(line: 2, column: 5))
  }

  @Test func aRecordWithTheWrongNumberOfFieldsIsNamed() {
    let failure = error("a,b\n1,2\n3\n")
    #expect(failure?.position == TextPosition(line: 3, column: 1))
    #expect(failure?.message == "this record has 1 field, the header has 2")
  }

  @Test func aDuplicateHeaderNameIsAnError() {
    #expect(error("a,b,a\n1,2,3\n")?.message == "the header names column 'a' twice")
  }

  @Test func anEmptyHeaderNameIsAnError() {
    #expect(error("a,,c\n")?.message == "column 2 of the header has no name")
  }

  @Test func tooManyFieldsAreRefused() {
    let wide = Array(repeating: "x", count: CSVReader.maximumFields + 1).joined(separator: ",")
    #expect(error(wide + "\n")?.message.contains("more than \(CSVReader.maximumFields) fields") == true)
  }

  @Test(.timeLimit(.minutes(1)))
  func aHugeLineIsRefusedNotHung() {
    let huge = "a\n" + String(repeating: "x", count: CSVReader.maximumRecordBytes + 10) + "\n"
    let failure = error(huge)
    #expect(failure?.message.contains("longer than 8 MiB") == true)
    #expect(failure?.position == TextPosition(line: 2, column: 1))
  }

  @Test(.timeLimit(.minutes(1)))
  func aHugeQuotedFieldIsRefusedNotHung() {
    let huge = "a\n\"" + String(repeating: "x", count: CSVReader.maximumRecordBytes + 10)
    #expect(error(huge)?.message.contains("longer than 8 MiB") == true)
  }

  @Test func aLongLineWithinTheLimitIsRead() throws {
    let long = String(repeating: "y", count: 1 << 20)
    let rows = try CSVReader.records("a\n" + long + "\n")
    #expect(rows.asList?.first?.asRecord?["a"]?.asString?.count == 1 << 20)
  }

  @Test func positionsOfOffsets() {
    #expect(TextPosition(utf8Offset: 0, in: "ab\ncd") == TextPosition(line: 1, column: 1))
    #expect(TextPosition(utf8Offset: 4, in: "ab\r\ncd") == TextPosition(line: 2, column: 1))
    #expect(TextPosition(utf8Offset: 99, in: "ab\ncd") == TextPosition(line: 2, column: 3))
    #expect(TextPosition(line: 3, column: 7).description == "3:7")
  }
}
