import Foundation

/// ISO 8601 dates as dsh reads and writes them: 0–7 fraction digits, `Z` or `±hh:mm`,
/// or a plain `yyyy-MM-dd` (midnight UTC).
public enum DateText {
  /// The date `text` names, or nil when it is not one of the accepted forms.
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

  /// The zone dates are shown in (`set timezone`): tables, `print`, `into string`.
  ///
  /// The host binds it from the settings while it shows a result; UTC when nothing bound it.
  @TaskLocal public static var zone: DisplayZone = .utc

  /// `2026-07-10T12:04:05Z`, with milliseconds only when there are any: always UTC, for JSON, the
  /// API and journals.
  ///
  /// A date outside `range` is shown as the nearest end of it.
  public static func format(_ date: Date) -> String { format(date, in: .utc) }

  /// The date as people see it: ISO 8601 in the zone `set timezone` chose.
  public static func display(_ date: Date) -> String { format(date, in: zone) }

  /// ISO 8601 in `zone`: `Z` for UTC, else the offset (`2026-07-10T14:04:05+02:00`).
  public static func format(_ date: Date, in zone: DisplayZone) -> String {
    let clamped = clamp(date)
    let offset = zone.secondsFromUTC(at: clamped)
    let whole = clamped.timeIntervalSince1970.rounded(.down)
    let millis = Int(((clamped.timeIntervalSince1970 - whole) * 1000).rounded())
    var text = CivilTime(clamped, offset: offset).text
    if millis > 0 && millis < 1000 { text += "." + CivilTime.padded(millis, 3) }
    return text + (offset == 0 ? "Z" : offsetText(offset, separator: ":"))
  }

  /// `+02:00` (or `+0200` with an empty separator) for an offset in seconds.
  static func offsetText(_ offset: Int, separator: String) -> String {
    let sign = offset < 0 ? "-" : "+"
    let minutes = abs(offset) / 60
    return sign + CivilTime.padded(minutes / 60, 2) + separator + CivilTime.padded(minutes % 60, 2)
  }

  /// The date moved into `range` (NaN becomes 1970).
  static func clamp(_ date: Date) -> Date {
    let seconds = date.timeIntervalSince1970
    return Date(timeIntervalSince1970: seconds.isNaN ? 0 : min(max(seconds, range.lowerBound), range.upperBound))
  }
}

/// Where dates are shown: UTC, the machine's local zone, or a fixed offset from UTC.
public enum DisplayZone: Sendable, Equatable {
  case utc
  case local
  /// Seconds east of UTC, within ±18 hours.
  case offset(Int)

  /// `utc`, `local`, or `±HH:MM` (also `±HHMM`, `±HH`); nil for anything else.
  public init?(_ text: String) {
    switch text.lowercased() {
    case "utc", "z": self = .utc
    case "local": self = .local
    default:
      let bytes = Array(text.utf8)
      guard bytes.count >= 3, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") else { return nil }
      let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
      guard [2, 4].contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
        bytes.count == 6 ? bytes[3] == UInt8(ascii: ":") : !bytes.contains(UInt8(ascii: ":"))
      else { return nil }
      let number = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
      let hours = digits.count == 2 ? number : number / 100
      let minutes = digits.count == 2 ? 0 : number % 100
      guard hours <= 18, minutes < 60, hours * 60 + minutes <= 18 * 60 else { return nil }
      let seconds = (hours * 3600 + minutes * 60) * (bytes[0] == UInt8(ascii: "-") ? -1 : 1)
      self = seconds == 0 ? .utc : .offset(seconds)
    }
  }

  /// As `set` shows it: `utc`, `local`, `+02:00`.
  public var text: String {
    switch self {
    case .utc: return "utc"
    case .local: return "local"
    case .offset(let seconds): return DateText.offsetText(seconds, separator: ":")
    }
  }

  /// The offset in force at `date` (local time follows daylight saving).
  public func secondsFromUTC(at date: Date) -> Int {
    switch self {
    case .utc: return 0
    case .local: return TimeZone.current.secondsFromGMT(for: date)
    case .offset(let seconds): return seconds
    }
  }
}
