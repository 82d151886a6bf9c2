import Foundation

/// strftime-like date patterns: `%Y-%m-%d %H:%M`.
public enum DatePattern {
  /// A `%` directive a pattern uses that dsh does not know.
  public struct BadDirective: Error, Sendable, Equatable {
    /// The directive as written, such as `%Q`.
    public var directive: String
  }

  /// The directives, for help and errors.
  public static let directives: [(String, String)] = [
    ("%Y", "year (2026)"), ("%y", "year in two digits (26)"), ("%m", "month (07)"), ("%d", "day (09)"),
    ("%e", "day, space-padded ( 9)"), ("%H", "hour 00-23"), ("%I", "hour 01-12"), ("%p", "AM or PM"),
    ("%M", "minute"), ("%S", "second"), ("%j", "day of the year (001-366)"), ("%a", "weekday (Mon)"),
    ("%A", "weekday (Monday)"), ("%b", "month (Jul)"), ("%B", "month (July)"), ("%u", "weekday, 1 = Monday"),
    ("%z", "offset (+0200)"), ("%Z", "zone (UTC or +02:00)"), ("%s", "seconds since 1970"),
    ("%F", "%Y-%m-%d"), ("%T", "%H:%M:%S"), ("%%", "a percent sign"),
  ]

  static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// Checks a pattern without a date; the first unknown directive is thrown.
  public static func validate(_ pattern: String) throws(BadDirective) {
    _ = try format(Date(timeIntervalSince1970: 0), pattern: pattern, zone: .utc)
  }

  /// `date` written with `pattern` as a clock in `zone` shows it; throws at the first unknown directive.
  public static func format(_ date: Date, pattern: String, zone: DisplayZone) throws(BadDirective) -> String {
    let date = DateText.clamp(date)
    let offset = zone.secondsFromUTC(at: date)
    let clock = CivilTime(date, offset: offset)
    let (year, month, day, hour, weekday) = (clock.year, clock.month, clock.day, clock.hour, clock.weekday)
    func two(_ number: Int) -> String { CivilTime.padded(number, 2) }
    var output = ""
    var characters = pattern.makeIterator()
    while let character = characters.next() {
      guard character == "%" else {
        output.append(character)
        continue
      }
      guard let directive = characters.next() else { throw BadDirective(directive: "%") }
      switch directive {
      case "Y": output += CivilTime.padded(year, 4)
      case "y": output += two(year % 100)
      case "m": output += two(month)
      case "d": output += two(day)
      case "e": output += String(format: "%2d", day)
      case "H": output += two(hour)
      case "I": output += two(hour % 12 == 0 ? 12 : hour % 12)
      case "p": output += hour < 12 ? "AM" : "PM"
      case "M": output += two(clock.minute)
      case "S": output += two(clock.second)
      case "j": output += CivilTime.padded(dayOfYear(date, offset: offset), 3)
      case "a": output += String(weekdays[weekday].prefix(3))
      case "A": output += weekdays[weekday]
      case "b": output += String(months[month - 1].prefix(3))
      case "B": output += months[month - 1]
      case "u": output += String(weekday == 0 ? 7 : weekday)
      case "z": output += DateText.offsetText(offset, separator: "")
      case "Z": output += offset == 0 ? "UTC" : DateText.offsetText(offset, separator: ":")
      case "s": output += String(Int(date.timeIntervalSince1970.rounded(.down)))
      case "F": output += CivilTime.padded(year, 4) + "-" + two(month) + "-" + two(day)
      case "T": output += two(hour) + ":" + two(clock.minute) + ":" + two(clock.second)
      case "%": output += "%"
      default: throw BadDirective(directive: "%" + String(directive))
      }
    }
    return output
  }

  /// `%j`: the day of the year on a clock `offset` seconds from UTC, from Foundation's calendar.
  private static func dayOfYear(_ date: Date, offset: Int) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? .gmt
    return calendar.ordinality(of: .day, in: .year, for: date) ?? 1
  }
}
