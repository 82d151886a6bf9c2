import Foundation

/// Writes dates as DocSpace does: portal-local wall time with seven fraction digits and
/// `Z` or `±hh:mm` (`ApiDateTime`), and `expires` as plain UTC.
struct PortalClock: Sendable {
  var offsetMinutes: Int

  func apiDateTime(_ date: Date) -> String {
    let local = date.addingTimeInterval(Double(offsetMinutes * 60))
    let zone: String
    if offsetMinutes == 0 {
      zone = "Z"
    } else {
      let magnitude = abs(offsetMinutes)
      zone = (offsetMinutes < 0 ? "-" : "+") + Self.padded(magnitude / 60, 2) + ":" + Self.padded(magnitude % 60, 2)
    }
    return Self.wallClock(local) + zone
  }

  func utc(_ date: Date) -> String { Self.wallClock(date) + "Z" }

  /// `expires` of a session sign-in: `default(DateTime)` as System.Text.Json writes it.
  static let noExpiry = "0001-01-01T00:00:00"

  /// A date as the database gives it back: whole microseconds, so the seventh fraction digit
  /// of an ApiDateTime is 0 (the `datetime` column of SERVER
  /// `common/ASC.Core.Common/EF/Model/DbLoginEvent.cs:103` holds no ticks; PostgreSQL keeps
  /// microseconds, MySQL whole seconds, which also end in 0).
  static func stored(_ date: Date) -> Date {
    let micros = (date.timeIntervalSince1970 * 1_000_000).rounded(.down)
    return Date(timeIntervalSince1970: micros / 1_000_000)
  }

  /// Whole seconds and microseconds, written with a seventh digit of 0: a `Date` near now
  /// resolves about a quarter of a microsecond, so a tick digit would be noise, and a stored
  /// date's seventh digit is 0 on the server too.
  private static func wallClock(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let seconds = date.timeIntervalSince1970
    var whole = seconds.rounded(.down)
    var micros = Int(((seconds - whole) * 1_000_000).rounded())
    if micros == 1_000_000 {
      whole += 1
      micros = 0
    }
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: whole))
    // Digits padded by hand: `String(format:)` cost more than the calendar, on every date of a page.
    var text = ""
    text.reserveCapacity(28)
    let fields = [
      ("", parts.year ?? 0, 4), ("-", parts.month ?? 0, 2), ("-", parts.day ?? 0, 2), ("T", parts.hour ?? 0, 2),
      (":", parts.minute ?? 0, 2), (":", parts.second ?? 0, 2), (".", micros, 6),
    ]
    for (separator, number, width) in fields {
      text += separator
      text += padded(number, width)
    }
    return text + "0"
  }

  /// `number` in decimal with leading zeros up to `width` digits.
  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.utf8.count >= width ? digits : String(repeating: "0", count: width - digits.utf8.count) + digits
  }
}
