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
      zone = String(format: "%@%02d:%02d", offsetMinutes < 0 ? "-" : "+", magnitude / 60, magnitude % 60)
    }
    return Self.wallClock(local) + zone
  }

  func utc(_ date: Date) -> String { Self.wallClock(date) + "Z" }

  private static func wallClock(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let seconds = date.timeIntervalSince1970
    let ticks = Int(((seconds - seconds.rounded(.down)) * 10_000_000).rounded(.down))
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%07d", parts.year!, parts.month!, parts.day!, parts.hour!,
      parts.minute!, parts.second!, ticks)
  }
}
