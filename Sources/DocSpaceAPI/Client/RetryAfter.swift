import Foundation

/// The `Retry-After` header, which a server or proxy controls: only a finite, non-negative
/// whole number of seconds or an HTTP date is believed, and never more than five minutes.
enum RetryAfter {
  static let maximum: Double = 300

  static func seconds(_ header: String, now: Date = Date()) -> Double? {
    let text = header.trimmingCharacters(in: .whitespaces)
    if !text.isEmpty, text.count <= 12, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
      return min(maximum, Double(text) ?? maximum)
    }
    guard let date = httpDate.date(from: text) else { return nil }
    return min(maximum, max(0, date.timeIntervalSince(now)))
  }

  private static let httpDate: DateFormatter = {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    return formatter
  }()
}
