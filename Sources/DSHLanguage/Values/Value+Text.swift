import Foundation

extension Value {
  /// The value as a person reads it in a table cell or `print`.
  public var displayText: String {
    switch self {
    case .null: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .float(let number): return Self.formatFloat(number)
    case .string(let text): return text
    case .date(let date): return DateText.display(date)
    case .duration(let seconds): return Self.formatDuration(seconds)
    case .list(let items): return "[" + items.map(\.sourceText).joined(separator: ", ") + "]"
    case .record(let record):
      return "{" + record.fields.map { "\($0.name): \($0.value.sourceText)" }.joined(separator: ", ")
        + "}"
    }
  }

  /// The value written as dsh source would write it (strings quoted).
  public var sourceText: String {
    switch self {
    case .null: return "null"
    case .string(let text):
      let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
        .replacingOccurrences(of: "$", with: "\\$")
      return "\"\(escaped)\""
    case .date(let date): return "\"\(DateText.display(date))\""
    default: return displayText
    }
  }

  static func formatFloat(_ number: Double) -> String {
    if number.isNaN { return "NaN" }
    if number.isInfinite { return number > 0 ? "inf" : "-inf" }
    if number == number.rounded(), abs(number) < 1e15 { return String(format: "%.1f", number) }
    var text = String(number)
    if text.contains("e") { text = String(format: "%.6g", number) }
    return text
  }

  /// `90s` → `1m30s`; the largest two units.
  ///
  /// Past `maximumDuration`, weeks as a float.
  static func formatDuration(_ seconds: Double) -> String {
    if seconds.isNaN { return "NaN" }
    if seconds < 0 { return "-" + formatDuration(-seconds) }
    if seconds.isInfinite { return "inf" }
    if seconds > maximumDuration { return formatFloat(seconds / 604_800) + "w" }
    if seconds < 1 && seconds > 0 { return "\(Int((seconds * 1000).rounded()))ms" }
    let units: [(String, Int)] = [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)]
    var remaining = Int(seconds.rounded())
    if remaining == 0 { return "0s" }
    var parts: [String] = []
    for (name, size) in units where remaining >= size && parts.count < 2 {
      parts.append("\(remaining / size)\(name)")
      remaining %= size
    }
    return parts.joined()
  }
}
