import Foundation

/// A moment's calendar fields as a clock shows it: what `DateText` and `DatePattern` write.
///
/// From the Gregorian reform on they are worked out by arithmetic (Howard Hinnant's
/// `civil_from_days`), not through `Calendar`, whose `dateComponents` cost microseconds per
/// date: a bulk run stamps two journal lines per request, and a listing formats every date it
/// shows. Before the reform Foundation's Gregorian calendar is Julian, and it is asked instead.
struct CivilTime: Equatable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int
  /// 0 for Sunday to 6 for Saturday.
  var weekday: Int

  /// 1582-10-15T00:00:00 as seconds since 1970, where Foundation's calendar turns Gregorian.
  static let gregorianReform = -12_219_292_800

  /// The fields of `date` (its whole seconds) on a clock `offset` seconds from UTC.
  init(_ date: Date, offset: Int) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
    if let computed = CivilTime(clockSeconds: seconds) {
      self = computed
      return
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds)))
    self.init(
      year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0,
      minute: parts.minute ?? 0, second: parts.second ?? 0, weekday: Self.weekday(seconds))
  }

  /// The fields of a clock reading `seconds` (whole seconds since 1970 on that clock), by
  /// arithmetic; nil before the Gregorian reform.
  init?(clockSeconds seconds: Int) {
    guard seconds >= Self.gregorianReform else { return nil }
    let days = Self.floorDivide(seconds, 86_400)
    let secondOfDay = seconds - days * 86_400
    // Days since 0000-03-01, so that a leap day ends the year; 400-year eras of 146,097 days.
    let shifted = days + 719_468
    let era = Self.floorDivide(shifted, 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    hour = secondOfDay / 3_600
    minute = secondOfDay % 3_600 / 60
    second = secondOfDay % 60
    weekday = Self.weekday(seconds)
  }

  init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
    (self.year, self.month, self.day) = (year, month, day)
    (self.hour, self.minute, self.second, self.weekday) = (hour, minute, second, weekday)
  }

  /// `2026-07-10T12:04:05`.
  var text: String {
    Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) + "T" + Self.padded(hour, 2)
      + ":" + Self.padded(minute, 2) + ":" + Self.padded(second, 2)
  }

  /// `number` in decimal with leading zeros up to `width` digits (`%0*d` without `String(format:)`).
  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    let missing = width - digits.utf8.count
    return missing > 0 ? String(repeating: "0", count: missing) + digits : digits
  }

  /// Weekdays run on across calendars: 1970-01-01 was a Thursday.
  private static func weekday(_ seconds: Int) -> Int {
    (floorDivide(seconds, 86_400) % 7 + 11) % 7
  }

  private static func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    dividend >= 0 ? dividend / divisor : (dividend - divisor + 1) / divisor
  }
}
