import DSHLanguage
import Testing

/// The JSON parser: every kind of value, escapes and surrogate pairs, numbers at the edges
/// of Int, its error messages and offsets, its depth limit, and large inputs.
@Suite struct JSONParserTests {
  struct Failure: Equatable {
    var message: String
    var offset: Int
  }

  func failure(_ text: String) -> Failure? {
    do {
      _ = try JSON.parse(text)
      return nil
    } catch {
      return Failure(message: error.message, offset: error.offset)
    }
  }

  @Test func everyKindOfValueParsesInOrder() throws {
    let value = try JSON.parse(#" { "b" : [1, -2.5, "x", true, false, null, {}, []], "a": {"c": "d"} } "#)
    let expected: Value = .record(
      Record([
        "b": .list([.int(1), .float(-2.5), "x", true, false, .null, .record(Record()), .list([])]),
        "a": .record(Record(["c": "d"])),
      ]))
    #expect(value == expected)
    #expect(value.asRecord?.names == ["b", "a"])
  }

  @Test func aRepeatedLongStringIsOneCopy() throws {
    let id = "66faa6e4-f133-11ea-b126-00ffeec8b4ef"
    let parsed = try JSON.parse(#"[{"u":"\#(id)"},{"u":"other-long-string-in-between"},{"u":"\#(id)"}]"#)
    let strings = try #require(parsed.asList).compactMap { $0.asRecord?["u"]?.asString }
    #expect(strings == [id, "other-long-string-in-between", id])
    let storage = strings.map { text in text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
    #expect(storage[0] != nil)
    #expect(storage[0] == storage[2])
    #expect(storage[0] != storage[1])
  }

  @Test func eachRecordOfAListHasExactlyTheRoomItsFieldsNeed() throws {
    let fields = (0..<12).map { #""f\#($0)":\#($0)"# }.joined(separator: ",")
    let rows = try #require(try JSON.parse("[{\(fields)},{\(fields)}]").asList)
    for row in rows {
      let values = try #require(row.asRecord?.values)
      #expect(values.count == 12)
      #expect(values.capacity < 13)
    }
  }

  @Test func aLongStringThatIsNotUTF8IsRefused() {
    let bytes = Array(#"["#.utf8) + [0x22] + Array(repeating: UInt8(ascii: "a"), count: 20) + [0xFF, 0x22, 0x5D]
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(JSON.ParseError) in try JSON.parse(utf8: buffer) }
    }
    #expect(throws: JSON.ParseError.self) { try result.get() }
  }

  @Test func aRepeatedKeyKeepsItsFirstPlaceAndTheLastValue() throws {
    let value = try JSON.parse(#"{"a": 1, "b": 2, "a": 3}"#)
    #expect(value.asRecord?.names == ["a", "b"])
    #expect(value.asRecord?["a"] == .int(3))
  }

  @Test func simpleEscapesBecomeTheirCharacters() throws {
    #expect(try JSON.parse(#""q\"b\\s\/n\nt\tr\rb\bf\f""#) == .string("q\"b\\s/n\nt\tr\rb\u{8}f\u{C}"))
  }

  @Test func anUnknownEscapeStandsForItsLetter() throws {
    #expect(try JSON.parse(#""a\xb""#) == .string("axb"))
  }

  @Test func unicodeEscapesBecomeScalars() throws {
    #expect(try JSON.parse(#""Z\u00fcrich \u6771\u4EAC""#) == .string("Zürich 東京"))
  }

  @Test func aSurrogatePairBecomesOneScalar() throws {
    #expect(try JSON.parse(#""\ud83d\ude00!""#) == .string("😀!"))
  }

  @Test func aLoneSurrogateBecomesTheReplacementCharacter() throws {
    #expect(try JSON.parse(#""\ud83dx""#) == .string("\u{FFFD}x"))
    #expect(try JSON.parse(#""\ude00""#) == .string("\u{FFFD}"))
    #expect(try JSON.parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
  }

  @Test func rawUTF8InStringsIsKept() throws {
    #expect(try JSON.parse("[\"Zürich 😀\", \"a\\nZürich\"]") == .list(["Zürich 😀", "a\nZürich"]))
  }

  @Test func aBadUnicodeEscapeIsReportedAtItsDigits() {
    #expect(failure(#""ab\u12g4""#) == Failure(message: "bad \\u escape in JSON", offset: 5))
    #expect(failure(#""\u+abc""#) == Failure(message: "bad \\u escape in JSON", offset: 3))
    #expect(failure(#""\u12"#) == Failure(message: "bad \\u escape in JSON", offset: 3))
  }

  @Test func intsCoverTheWholeIntRange() throws {
    #expect(
      try JSON.parse("[0, -0, 42, -7, 9223372036854775807, -9223372036854775808]")
        == .list([.int(0), .int(0), .int(42), .int(-7), .int(Int.max), .int(Int.min)]))
  }

  @Test func numbersPastIntOrWithAFractionOrExponentAreFloats() throws {
    #expect(
      try JSON.parse("[9223372036854775808, 1.5e3, 2E-2, 0.25, -1e400]")
        == .list([.float(9.223372036854775808e18), .float(1500), .float(0.02), .float(0.25), .float(-.infinity)]))
  }

  @Test func aMalformedNumberIsReportedWhereItStarts() {
    #expect(failure("[1, 2-3]") == Failure(message: "unexpected character in JSON", offset: 4))
    #expect(failure("-") == Failure(message: "unexpected character in JSON", offset: 0))
  }

  @Test(arguments: [
    ("", "unexpected end of JSON", 0),
    ("[1, 2", "unterminated JSON array", 5),
    ("[1 2]", "expected ',' or ']' in JSON", 4),
    (#"{"a" 1}"#, "expected ':' in JSON", 5),
    (#"{"a": 1 "b": 2}"#, "expected ',' or '}' in JSON", 9),
    (#"{"a": 1"#, "unterminated JSON object", 7),
    ("{1: 2}", "expected a key in JSON", 1),
    (#"["abc"#, "unterminated JSON string", 5),
    (#""ab\"#, "unterminated JSON string", 4),
    ("tru", "unexpected character in JSON", 0),
    ("[nul]", "unexpected character in JSON", 1),
    ("1 2", "unexpected text after the JSON value", 2),
    ("[1] x", "unexpected text after the JSON value", 4),
  ])
  func errorsKeepTheirMessageAndOffset(text: String, message: String, offset: Int) {
    #expect(failure(text) == Failure(message: message, offset: offset))
  }

  @Test func offsetsCountUTF8Bytes() {
    #expect(failure("[\"é😀\" x]") == Failure(message: "expected ',' or ']' in JSON", offset: 11))
  }

  @Test func nestingUpToTheLimitParsesAndOneMoreIsRefused() throws {
    let limit = Value.maximumNesting
    let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
    #expect(Value.nestingDepth(of: try JSON.parse(deepest)) == limit)
    let tooDeep = "[" + deepest + "]"
    #expect(
      failure(tooDeep) == Failure(message: "JSON nested too deeply (limit \(limit) levels)", offset: limit))
  }

  @Test func aLargeListOfRecordsParsesCompletely() throws {
    let count = 100_000
    let rows = (0..<count).map { #"{"id":\#($0),"ip":"10.0.\#($0 % 256).1","mobile":\#($0 % 2 == 0)}"# }
    let value = try JSON.parse("[" + rows.joined(separator: ",") + "]")
    let items = try #require(value.asList)
    #expect(items.count == count)
    #expect(items[count - 1] == .record(Record(["id": .int(count - 1), "ip": "10.0.159.1", "mobile": false])))
  }

  @Test func aLongStringWithEscapesParsesCompletely() throws {
    let piece = String(repeating: "abcdefgh", count: 1000)
    let text = "\"" + Array(repeating: piece, count: 128).joined(separator: "\\n") + "\""
    let value = try JSON.parse(text)
    #expect(value == .string(Array(repeating: piece, count: 128).joined(separator: "\n")))
  }

  @Test func encodingEscapesQuotesBackslashesAndControlCharactersOnly() {
    #expect(JSON.encode(.string("plain é 😀 / text")) == #""plain é 😀 / text""#)
    #expect(JSON.encode(.string("a\"b\\c\nd\re\tf\u{1}g\u{1F}h é")) == #""a\"b\\c\nd\re\tf\u0001g\u001fh é""#)
    #expect(JSON.encode(.record(Record(["k\"": "v"])), indent: nil) == #"{"k\"":"v"}"#)
  }

  @Test func encodedValuesParseBackToThemselves() throws {
    let value: Value = .list([
      .string("tab\there \"q\" \\ \u{1} é 😀"), .int(Int.min), .float(0.1), .record(Record(["k": .list([.null])])),
    ])
    #expect(try JSON.parse(JSON.encode(value)) == value)
    #expect(try JSON.parse(JSON.encode(value, indent: nil)) == value)
  }
}
