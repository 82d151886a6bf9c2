/// A moment's calendar fields as a clock shows it, in the proleptic Gregorian calendar,
/// worked out by arithmetic (Howard Hinnant's `civil_from_days`) instead of through
/// `Calendar`, whose `dateComponents` cost microseconds per date: a bulk run stamps two
/// journal lines per request, and a listing formats every date it shows.
struct CivilTime: Equatable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int

  /// 1582-10-15T00:00:00 as seconds since 1970: Foundation's Gregorian calendar is Julian
  /// before it, so earlier clocks are left to `Calendar`.
  static let gregorianReform = -12_219_292_800

  /// The fields of a clock reading `seconds` (whole seconds since 1970 on that clock); nil
  /// before the Gregorian reform.
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
  }

  init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
    (self.year, self.month, self.day) = (year, month, day)
    (self.hour, self.minute, self.second) = (hour, minute, second)
  }

  /// `2026-07-10T12:04:05`.
  var text: String {
    var text = ""
    text.reserveCapacity(19)
    Self.append(year, width: 4, to: &text)
    for (separator, field) in [("-", month), ("-", day), ("T", hour), (":", minute), (":", second)] {
      text += separator
      Self.append(field, width: 2, to: &text)
    }
    return text
  }

  private static func append(_ number: Int, width: Int, to text: inout String) {
    let digits = String(number)
    if digits.utf8.count < width { text += String(repeating: "0", count: width - digits.utf8.count) }
    text += digits
  }

  private static func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    dividend >= 0 ? dividend / divisor : (dividend - divisor + 1) / divisor
  }
}
