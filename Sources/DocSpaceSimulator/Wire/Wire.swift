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
    switch self {
    case .object(let members):
      let written = members.compactMap { key, value in value.map { "\(Wire.quote(key)):\($0.text)" } }
      return "{" + written.joined(separator: ",") + "}"
    case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
    case .string(let text): return Wire.quote(text)
    case .int(let number): return String(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
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

  static func optional(_ text: String?) -> Wire? { text.map(Wire.string) }
}
