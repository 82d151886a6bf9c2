import Foundation

/// JSON as the portal writes it, built by hand so that key order and omitted nulls are exactly the
/// server's.
///
/// Shares no types with the client on purpose.
indirect enum Wire: Sendable {
  case object([(String, Wire?)])
  case array([Wire])
  case string(String)
  case int(Int)
  case bool(Bool)
  case null

  /// Compact JSON; object members whose value is nil are left out.
  var text: String {
    var output = ""
    write(to: &output)
    return output
  }

  /// Appends the JSON to one buffer: a page of a hundred people is one string, not thousands.
  func write(to output: inout String) {
    switch self {
    case .object(let members):
      output += "{"
      var first = true
      for (key, value) in members {
        guard let value else { continue }
        if !first { output += "," }
        first = false
        Wire.quote(key, to: &output)
        output += ":"
        value.write(to: &output)
      }
      output += "}"
    case .array(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        item.write(to: &output)
      }
      output += "]"
    case .string(let text): Wire.quote(text, to: &output)
    case .int(let number): output += String(number)
    case .bool(let flag): output += flag ? "true" : "false"
    case .null: output += "null"
    }
  }

  static func quote(_ text: String, to output: inout String) {
    output += "\""
    defer { output += "\"" }
    let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    if plain {
      output += text
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20: output += String(format: "\\u%04x", scalar.value)
      default: output.unicodeScalars.append(scalar)
      }
    }
  }

  static func optional(_ text: String?) -> Wire? { text.map(Wire.string) }
}
