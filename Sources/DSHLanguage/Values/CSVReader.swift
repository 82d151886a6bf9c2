/// CSV (RFC 4180) text read into rows of strings: fields separated by commas, records by `\r\n` or
/// `\n`, a field in double quotes may hold commas, line breaks and doubled quotes.
///
/// Strict where the RFC is: a stray quote is an error, not guessed at. Blank lines are skipped.
public enum CSVReader {
  /// Why a text is not CSV, and where.
  public struct ParseError: Error, Sendable, Equatable {
    /// The problem, such as "the header names column 'id' twice".
    public var message: String
    /// Where it is, counted in lines and characters from 1.
    public var position: TextPosition
  }

  /// The most fields one record may have.
  public static let maximumFields = 10_000
  /// The longest one record may be, in bytes: 8 MiB.
  public static let maximumRecordBytes = 8 << 20

  /// A list of records: the first row names the fields, every later row must have as many.
  ///
  /// Every value is a string (`into int` converts).
  public static func records(_ text: String) throws(ParseError) -> Value {
    let rows = try self.rows(text)
    guard let header = rows.first else { return .list([]) }
    for (index, name) in header.fields.enumerated() {
      guard !name.isEmpty else {
        throw ParseError(
          message: "column \(index + 1) of the header has no name", position: position(header.start, in: text))
      }
      guard !header.fields[..<index].contains(name) else {
        throw ParseError(
          message: "the header names column '\(name)' twice", position: position(header.start, in: text))
      }
    }
    var records: [Value] = []
    records.reserveCapacity(rows.count - 1)
    for row in rows.dropFirst() {
      guard row.fields.count == header.fields.count else {
        throw ParseError(
          message: "this record has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s"), "
            + "the header has \(header.fields.count)",
          position: position(row.start, in: text))
      }
      records.append(.record(Record(fields: Array(zip(header.fields, row.fields.map(Value.string))))))
    }
    return .list(records)
  }

  /// Each record's fields, with the byte offset where the record starts; at most `limit` records.
  public static func rows(_ text: String, limit: Int = .max) throws(ParseError) -> [(fields: [String], start: Int)] {
    var reader = Reader(bytes: Array(text.utf8))
    do {
      return try reader.rows(limit: limit)
    } catch let failure {
      throw ParseError(message: failure.message, position: position(failure.offset, in: text))
    }
  }

  private static func position(_ offset: Int, in text: String) -> TextPosition {
    TextPosition(utf8Offset: offset, in: text)
  }

  private struct Failure: Error {
    var message: String
    var offset: Int
  }

  private struct Reader {
    let bytes: [UInt8]
    var index = 0
    var recordStart = 0

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf: UInt8 = 10, cr: UInt8 = 13

    init(bytes: [UInt8]) {
      self.bytes = bytes
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// A line break starts at `index`: `\n`, `\r\n`, or a `\r` that ends the text.
    func atLineEnd(_ index: Int) -> Bool {
      bytes[index] == Self.lf || (bytes[index] == Self.cr && (index + 1 == bytes.count || bytes[index + 1] == Self.lf))
    }

    mutating func skipLineEnd() { index += bytes[index] == Self.cr && index + 1 < bytes.count ? 2 : 1 }

    func checkLength() throws(Failure) {
      guard index - recordStart <= CSVReader.maximumRecordBytes else {
        throw Failure(message: "a record longer than 8 MiB (the limit)", offset: recordStart)
      }
    }

    mutating func rows(limit: Int) throws(Failure) -> [(fields: [String], start: Int)] {
      var rows: [(fields: [String], start: Int)] = []
      while index < bytes.count, rows.count < limit {
        if atLineEnd(index) {
          skipLineEnd()
          continue
        }
        recordStart = index
        rows.append((try record(), recordStart))
      }
      return rows
    }

    /// One record, up to and past its line break.
    mutating func record() throws(Failure) -> [String] {
      var fields: [String] = []
      while true {
        guard fields.count < CSVReader.maximumFields else {
          throw Failure(message: "a record with more than \(CSVReader.maximumFields) fields", offset: recordStart)
        }
        fields.append(index < bytes.count && bytes[index] == Self.quote ? try quoted() : try unquoted())
        try checkLength()
        if index == bytes.count { return fields }
        if atLineEnd(index) {
          skipLineEnd()
          return fields
        }
        guard bytes[index] == Self.comma else {
          throw Failure(
            message:
              "unexpected character after a closing quote (a quote inside a quoted field is written twice: \"\")",
            offset: index)
        }
        index += 1
      }
    }

    mutating func quoted() throws(Failure) -> String {
      let open = index
      index += 1
      var field: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        if byte == Self.quote {
          if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
            field.append(Self.quote)
            index += 2
            continue
          }
          index += 1
          return String(decoding: field, as: UTF8.self)
        }
        field.append(byte)
        index += 1
        if field.count & 0xFFFF == 0 { try checkLength() }
      }
      try checkLength()
      throw Failure(message: "a quoted field is never closed (its quote opens here)", offset: open)
    }

    mutating func unquoted() throws(Failure) -> String {
      let start = index
      while index < bytes.count, bytes[index] != Self.comma, !atLineEnd(index) {
        guard bytes[index] != Self.quote else {
          throw Failure(
            message: "a quote inside an unquoted field (quote the whole field and write the quote twice: \"\")",
            offset: index)
        }
        index += 1
      }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }
  }
}
