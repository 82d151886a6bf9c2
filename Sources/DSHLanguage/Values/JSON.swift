import Foundation

/// JSON text ↔ values, keeping the order of object keys.
public enum JSON {
  public struct ParseError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
  }

  public static func parse(_ text: String) throws(ParseError) -> Value {
    var reader = Reader(bytes: Array(text.utf8))
    reader.skipSpace()
    let value = try reader.value(depth: 0)
    reader.skipSpace()
    guard reader.index == reader.bytes.count else { throw reader.error("unexpected text after the JSON value") }
    return value
  }

  /// Compact (one line) or indented JSON for a value. Dates become ISO strings.
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
      for (index, field) in record.fields.enumerated() {
        output += pad(level + 1) + quote(field.name) + (indent == nil ? ":" : ": ")
        write(field.value, indent: indent, level: level + 1, into: &output)
        output += (index < record.fields.count - 1 ? "," : "") + newline
      }
      output += pad(level) + "}"
    }
  }

  static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  private struct Reader {
    let bytes: [UInt8]
    var index = 0

    func error(_ message: String) -> ParseError { ParseError(message: message, offset: index) }

    mutating func skipSpace() {
      while index < bytes.count, [9, 10, 13, 32].contains(bytes[index]) { index += 1 }
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

    mutating func keyword(_ word: String, _ value: Value) throws(ParseError) -> Value {
      let end = index + word.utf8.count
      guard end <= bytes.count, Array(bytes[index..<end]) == Array(word.utf8) else {
        throw error("unexpected character in JSON")
      }
      index = end
      return value
    }

    mutating func number() throws(ParseError) -> Value {
      let start = index
      while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      if let integer = Int(text) { return .int(integer) }
      if !text.isEmpty, let double = Double(text) { return .float(double) }
      index = start
      throw error("unexpected character in JSON")
    }

    mutating func string() throws(ParseError) -> String {
      index += 1
      var scalars = String.UnicodeScalarView()
      var raw: [UInt8] = []
      func flush() {
        scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        raw.removeAll()
      }
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\"") {
          flush()
          return String(scalars)
        }
        guard byte == UInt8(ascii: "\\") else {
          raw.append(byte)
          continue
        }
        guard index < bytes.count else { break }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): raw.append(10)
        case UInt8(ascii: "t"): raw.append(9)
        case UInt8(ascii: "r"): raw.append(13)
        case UInt8(ascii: "b"): raw.append(8)
        case UInt8(ascii: "f"): raw.append(12)
        case UInt8(ascii: "u"):
          guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
          else { throw error("bad \\u escape in JSON") }
          index += 4
          flush()
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default: raw.append(escaped)
        }
      }
      throw error("unterminated JSON string")
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
        skipSpace()
        guard index < bytes.count else { throw error("unterminated JSON array") }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "]") { return .list(items) }
        guard byte == UInt8(ascii: ",") else { throw error("expected ',' or ']' in JSON") }
      }
    }

    mutating func object(depth: Int) throws(ParseError) -> Value {
      index += 1
      var record = Record()
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .record(record)
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
        record[key] = try value(depth: depth + 1)
        skipSpace()
        guard index < bytes.count else { throw error("unterminated JSON object") }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "}") { return .record(record) }
        guard byte == UInt8(ascii: ",") else { throw error("expected ',' or '}' in JSON") }
      }
    }
  }
}
