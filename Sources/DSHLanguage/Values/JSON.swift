import Foundation

/// JSON text ↔ values, keeping the order of object keys.
public enum JSON {
  /// Text that is not JSON: what was wrong, and where.
  public struct ParseError: Error, Sendable, Equatable {
    /// What was wrong, in words.
    public var message: String
    /// The UTF-8 offset where the parser stopped.
    public var offset: Int
  }

  /// The value `text` holds.
  ///
  /// Errors carry the UTF-8 offset where the parser stopped.
  public static func parse(_ text: String) throws(ParseError) -> Value {
    var text = text
    let result = text.withUTF8 { bytes in
      Result { () throws(ParseError) in try parse(utf8: bytes) }
    }
    return try result.get()
  }

  /// The value UTF-8 `bytes` hold, read in place.
  public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Value {
    try parse(utf8: bytes, releasingEvery: 0, nil)
  }

  /// The value UTF-8 `bytes` hold; `release` is told, each time the parser has moved
  /// `step` bytes on, the offset before which it will not read `bytes` again (and nothing it
  /// made refers to them).
  static func parse(
    utf8 bytes: UnsafeBufferPointer<UInt8>, releasingEvery step: Int, _ release: ((Int) -> Void)?
  ) throws(ParseError) -> Value {
    var reader = Reader(bytes: bytes, releaseStep: step, release: release)
    reader.skipSpace()
    let value = try reader.value(depth: 0)
    reader.skipSpace()
    guard reader.index == bytes.count else { throw reader.error("unexpected text after the JSON value") }
    return value
  }

  /// Compact (one line) or indented JSON for a value.
  ///
  /// Dates become ISO strings.
  public static func encode(_ value: Value, indent: Int? = 2) -> String {
    var output = ""
    write(value, indent: indent, level: 0, into: &output)
    return output
  }

  private static func write(_ value: Value, indent: Int?, level: Int, into output: inout String) {
    let newline = indent == nil ? "" : "\n"
    let pad = { (depth: Int) in String(repeating: " ", count: (indent ?? 0) * depth) }
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .int(let number): output += String(number)
    case .float(let number): output += number.isFinite ? String(number) : "null"
    case .string(let text): output += quote(text)
    case .date(let date): output += quote(DateText.format(date))
    case .duration(let seconds): output += seconds.isFinite ? String(seconds) : "null"
    case .list(let items):
      if items.isEmpty {
        output += "[]"
        return
      }
      output += "[" + newline
      for (index, item) in items.enumerated() {
        output += pad(level + 1)
        write(item, indent: indent, level: level + 1, into: &output)
        output += (index < items.count - 1 ? "," : "") + newline
      }
      output += pad(level) + "]"
    case .record(let record):
      if record.isEmpty {
        output += "{}"
        return
      }
      output += "{" + newline
      for (index, (name, fieldValue)) in zip(record.names, record.values).enumerated() {
        output += pad(level + 1) + quote(name) + (indent == nil ? ":" : ": ")
        write(fieldValue, indent: indent, level: level + 1, into: &output)
        output += (index < record.names.count - 1 ? "," : "") + newline
      }
      output += pad(level) + "}"
    }
  }

  static func quote(_ text: String) -> String {
    // Most text needs no escape: then it is copied whole, not a character at a time.
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
      return "\"" + text + "\""
    }
    // Escapes are ASCII, and no byte of a multi-byte character is below 0x80: the UTF-8 can be
    // escaped byte by byte.
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    bytes.reserveCapacity(text.utf8.count + 8)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes += #"\""#.utf8
      case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
      case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
      case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
      case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
      case ..<0x20: bytes += #"\u00"#.utf8 + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
  }

  /// A parser over UTF-8 bytes that builds values directly: strings without escapes are made
  /// from their bytes in one step (and refused when they are not UTF-8), numbers are read
  /// without an intermediate string when they are plain ints, one scratch buffer serves every
  /// escaped string, and one stack of names and values every object, whose record then
  /// gets exactly the room it needs (and the layout of the object before, when it has the same names).
  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var scratch: [UInt8] = []
    var names: [String] = []
    var values: [Value] = []
    /// The layout of the object read last at each depth: the next one there with the same
    /// names shares it.
    var lastLayouts: [RecordLayout] = []
    let releaseStep: Int
    let release: ((Int) -> Void)?
    var nextRelease: Int
    /// The strings read last that were too long to be kept inline, in slots by a hash of
    /// their bytes (empty until the first): a file's repeated values, such as user ids, then
    /// share one copy instead of taking one each.
    var recent: [String?] = []
    static let recentSlots = 4096

    init(bytes: UnsafeBufferPointer<UInt8>, releaseStep: Int, release: ((Int) -> Void)?) {
      self.bytes = bytes
      self.releaseStep = releaseStep
      self.release = release
      nextRelease = releaseStep
    }

    func error(_ message: String) -> ParseError { ParseError(message: message, offset: index) }

    mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case 9, 10, 13, 32: index += 1
        default: return
        }
      }
    }

    mutating func value(depth: Int) throws(ParseError) -> Value {
      guard depth < Value.maximumNesting else {
        throw error("JSON nested too deeply (limit \(Value.maximumNesting) levels)")
      }
      guard index < bytes.count else { throw error("unexpected end of JSON") }
      switch bytes[index] {
      case UInt8(ascii: "{"): return try object(depth: depth)
      case UInt8(ascii: "["): return try array(depth: depth)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try keyword("true", .bool(true))
      case UInt8(ascii: "f"): return try keyword("false", .bool(false))
      case UInt8(ascii: "n"): return try keyword("null", .null)
      default: return try number()
      }
    }

    mutating func keyword(_ word: StaticString, _ value: Value) throws(ParseError) -> Value {
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count else { throw error("unexpected character in JSON") }
      let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
      for offset in 0..<count where bytes[index + offset] != expected[offset] {
        throw error("unexpected character in JSON")
      }
      index += count
      return value
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "e"), UInt8(ascii: "E"):
        return true
      default: return false
      }
    }

    /// The run of number characters at `index`: an int when it is one (optional sign, digits,
    /// no overflow), else whatever `Double` makes of it.
    mutating func number() throws(ParseError) -> Value {
      let start = index
      while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
      if let integer = integer(start..<index) { return .int(integer) }
      let span = UnsafeBufferPointer(rebasing: bytes[start..<index])
      if !span.isEmpty, let double = Double(String(decoding: span, as: UTF8.self)) { return .float(double) }
      index = start
      throw error("unexpected character in JSON")
    }

    func integer(_ range: Range<Int>) -> Int? {
      var position = range.lowerBound
      guard position < range.upperBound else { return nil }
      let negative = bytes[position] == UInt8(ascii: "-")
      if negative || bytes[position] == UInt8(ascii: "+") { position += 1 }
      guard position < range.upperBound else { return nil }
      var result = 0
      while position < range.upperBound {
        let digit = Int(bytes[position]) - Int(UInt8(ascii: "0"))
        guard 0 <= digit, digit <= 9 else { return nil }
        let (shifted, overflowA) = result.multipliedReportingOverflow(by: 10)
        let (next, overflowB) =
          negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
        guard !overflowA, !overflowB else { return nil }
        result = next
        position += 1
      }
      return result
    }

    mutating func string() throws(ParseError) -> String {
      index += 1
      let start = index
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "\""):
          guard let text = shared(UnsafeBufferPointer(rebasing: bytes[start..<index])) else {
            throw notUTF8(from: start)
          }
          index += 1
          return text
        case UInt8(ascii: "\\"): return try escapedString(from: start)
        default: index += 1
        }
      }
      throw error("unterminated JSON string")
    }

    /// The rest of a string that holds an escape; `start` is its first byte after the quote.
    mutating func escapedString(from start: Int) throws(ParseError) -> String {
      scratch.removeAll(keepingCapacity: true)
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\"") {
          guard let text = scratch.withUnsafeBufferPointer(Self.text) else { throw notUTF8(from: start) }
          return text
        }
        guard byte == UInt8(ascii: "\\") else {
          scratch.append(byte)
          continue
        }
        guard index < bytes.count else { break }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): scratch.append(10)
        case UInt8(ascii: "t"): scratch.append(9)
        case UInt8(ascii: "r"): scratch.append(13)
        case UInt8(ascii: "b"): scratch.append(8)
        case UInt8(ascii: "f"): scratch.append(12)
        case UInt8(ascii: "u"): append(try unicodeEscape())
        default: scratch.append(escaped)
        }
      }
      throw error("unterminated JSON string")
    }

    /// The string `bytes` spell (as `text`), the same storage as the last one read with these
    /// bytes when it is too long to be kept inline.
    mutating func shared(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
      guard bytes.count > 15 && bytes.count <= 256 else { return Self.text(bytes) }
      var hash: UInt32 = 2_166_136_261  // FNV-1a
      for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
      if recent.isEmpty { recent = Array(repeating: nil, count: Self.recentSlots) }
      let slot = Int(hash) & (Self.recentSlots - 1)
      if let known = recent[slot], known.utf8.elementsEqual(bytes) { return known }
      let text = Self.text(bytes)
      recent[slot] = text
      return text
    }

    /// The string UTF-8 `bytes` spell, or nil when they are not UTF-8.
    ///
    /// Decoding repairs bad bytes, and a repaired string differs from its bytes. (The stdlib's
    /// validating initialiser is generic and costs a metadata lookup per call: once per string
    /// of a large file.)
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
      let text = String(decoding: bytes, as: UTF8.self)
      var ascii = true
      for byte in bytes where byte >= 0x80 {
        ascii = false
        break
      }
      return ascii || text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// A string with bytes that are not UTF-8, located at the first bad byte from `start`.
    func notUTF8(from start: Int) -> ParseError {
      var offset = start
      var decoder = UTF8()
      var iterator = bytes[start...].makeIterator()
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput, .error: break loop
        }
      }
      return ParseError(message: "a string that is not valid UTF-8 text", offset: offset)
    }

    /// The scalar of a `\uXXXX` escape (`index` at its first hex digit), joined with a
    /// following `\uXXXX` low surrogate when it is a high one; a lone surrogate is U+FFFD.
    mutating func unicodeEscape() throws(ParseError) -> Unicode.Scalar {
      guard let code = hex4(at: index) else { throw error("bad \\u escape in JSON") }
      index += 4
      if (0xD800...0xDBFF).contains(code), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u"), let low = hex4(at: index + 2), (0xDC00...0xDFFF).contains(low)
      {
        index += 6
        return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
      }
      return Unicode.Scalar(code) ?? "\u{FFFD}"
    }

    func hex4(at position: Int) -> UInt32? {
      guard position + 4 <= bytes.count else { return nil }
      var code: UInt32 = 0
      for offset in 0..<4 {
        let byte = bytes[position + offset]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        code = code << 4 | UInt32(digit)
      }
      return code
    }

    mutating func append(_ scalar: Unicode.Scalar) {
      UTF8.encode(scalar) { scratch.append($0) }
    }

    mutating func array(depth: Int) throws(ParseError) -> Value {
      index += 1
      var items: [Value] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .list(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        if let release, index >= nextRelease {
          release(index)
          nextRelease = index + releaseStep
        }
        skipSpace()
        guard index < bytes.count else { throw error("unterminated JSON array") }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "]") { return .list(items) }
        guard byte == UInt8(ascii: ",") else { throw error("expected ',' or ']' in JSON") }
      }
    }

    /// A copy of `slice`, exactly as large as it needs to be: `Array(slice)` of a slice that
    /// spans a whole stack (the fields of a top-level object) is the stack's buffer, grown by
    /// doubling.
    static func ownCopy<Element>(of slice: ArraySlice<Element>) -> [Element] {
      var copy: [Element] = []
      copy.reserveCapacity(slice.count)
      copy.append(contentsOf: slice)
      return copy
    }

    mutating func object(depth: Int) throws(ParseError) -> Value {
      index += 1
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .record(Record())
      }
      // This object's fields are names[first...] and values[first...]; nested objects stack
      // theirs above.
      let first = names.count
      defer {
        names.removeSubrange(first...)
        values.removeSubrange(first...)
      }
      while true {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw error("expected a key in JSON")
        }
        let key = try string()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' in JSON") }
        index += 1
        skipSpace()
        let value = try value(depth: depth + 1)
        // A repeated key: the last value wins, in the first one's place.
        if let repeated = names[first...].firstIndex(of: key) {
          values[repeated] = value
        } else {
          names.append(key)
          values.append(value)
        }
        skipSpace()
        guard index < bytes.count else { throw error("unterminated JSON object") }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "}") {
          if lastLayouts.count <= depth {
            lastLayouts += Array(repeating: .empty, count: depth + 1 - lastLayouts.count)
          }
          if !lastLayouts[depth].names.elementsEqual(names[first...]) {
            lastLayouts[depth] = RecordLayout(names: Self.ownCopy(of: names[first...]), kind: nil)
          }
          return .record(Record(layout: lastLayouts[depth], values: Self.ownCopy(of: values[first...])))
        }
        guard byte == UInt8(ascii: ",") else { throw error("expected ',' or '}' in JSON") }
      }
    }
  }
}
