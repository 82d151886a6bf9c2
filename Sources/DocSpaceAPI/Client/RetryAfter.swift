import Foundation

/// The `Retry-After` header, which a server or proxy controls: only a finite, non-negative
/// whole number of seconds or an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`) is believed,
/// and never more than five minutes.
enum RetryAfter {
  static let maximum: Double = 300

  static func seconds(_ header: String, now: Date = Date()) -> Double? {
    let text = header.trimmingCharacters(in: .whitespaces)
    if !text.isEmpty, text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
      return min(maximum, Double(text) ?? maximum)
    }
    guard let date = httpDate(text) else { return nil }
    return min(maximum, max(0, date.timeIntervalSince(now)))
  }

  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// An IMF-fixdate, read by hand: Foundation's formatters are more than this needs.
  static func httpDate(_ text: String) -> Date? {
    guard
      let match = text.wholeMatch(
        of: /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT/),
      let day = Int(match.1), let month = months.firstIndex(of: String(match.2)).map({ $0 + 1 }),
      let year = Int(match.3), let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6),
      (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    let days = daysSinceEpoch(year: year, month: month, day: day)
    return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
  }

  /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
  private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
