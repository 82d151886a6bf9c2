import Foundation

/// ISO 8601 dates as dsh reads and writes them: 0–7 fraction digits, `Z` or `±hh:mm`,
/// or a plain `yyyy-MM-dd` (midnight UTC).
public enum DateText {
  public static func parse(_ text: String) -> Date? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let scalars = Array(trimmed.utf8)
    func number(_ from: Int, _ length: Int) -> Int? {
      guard from + length <= scalars.count else { return nil }
      var value = 0
      for byte in scalars[from..<(from + length)] {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let year = number(0, 4), scalars.count >= 10, scalars[4] == 45,
      let month = number(5, 2), scalars[7] == 45, let day = number(8, 2)
    else { return nil }
    var components = DateComponents(
      calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
      year: year, month: month, day: day)
    var index = 10
    var fraction = 0.0
    var offsetSeconds = 0
    if index < scalars.count {
      guard scalars[index] == UInt8(ascii: "T") || scalars[index] == UInt8(ascii: " "),
        let hour = number(index + 1, 2), scalars.count > index + 3, scalars[index + 3] == 58,
        let minute = number(index + 4, 2)
      else { return nil }
      components.hour = hour
      components.minute = minute
      index += 6
      if index < scalars.count, scalars[index] == 58 {
        guard let second = number(index + 1, 2) else { return nil }
        components.second = second
        index += 3
      }
      if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
        index += 1
        var digits = 0
        var scale = 0.1
        while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 {
          fraction += Double(scalars[index] - 48) * scale
          scale /= 10
          digits += 1
          index += 1
        }
        guard digits > 0 else { return nil }
      }
      if index < scalars.count {
        switch scalars[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
          index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
          let sign = scalars[index] == UInt8(ascii: "-") ? -1 : 1
          guard let hours = number(index + 1, 2) else { return nil }
          var minutes = 0
          if index + 3 < scalars.count {
            let minuteStart = scalars[index + 3] == 58 ? index + 4 : index + 3
            guard let parsed = number(minuteStart, 2) else { return nil }
            minutes = parsed
            index = minuteStart + 2
          } else {
            index += 3
          }
          offsetSeconds = sign * (hours * 3600 + minutes * 60)
        default:
          return nil
        }
      }
    }
    guard index == scalars.count, let date = components.date,
      components.isValidDate(in: Calendar(identifier: .gregorian))
    else { return nil }
    return date.addingTimeInterval(fraction - Double(offsetSeconds))
  }

  /// Seconds since 1970 of the dates dsh handles: 0001-01-01 to 9999-12-31 (UTC).
  public static let range: ClosedRange<Double> = -62_135_596_800...253_402_300_799

  /// `2026-07-10T12:04:05Z`, with milliseconds only when there are any. A date outside
  /// `range` is shown as the nearest end of it.
  public static func format(_ date: Date) -> String {
    let seconds = date.timeIntervalSince1970
    let clamped = seconds.isNaN ? 0 : min(max(seconds, range.lowerBound), range.upperBound)
    let date = Date(timeIntervalSince1970: clamped)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let whole = clamped.rounded(.down)
    let millis = Int(((clamped - whole) * 1000).rounded())
    var text = String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    if millis > 0 && millis < 1000 { text += String(format: ".%03d", millis) }
    return text + "Z"
  }
}
