import Foundation

/// DocSpace's `ApiDateTime` strings: `yyyy-MM-ddTHH:mm:ss` with 0–7 fraction digits and
/// `Z` or `±hh:mm`, as in `2026-07-10T15:04:05.0000000+03:00`.
public enum ApiDate {
  /// The instant `text` names, or nil when it is not an `ApiDateTime` (or names no real date).
  public static func parse(_ text: String) -> Date? {
    let scalars = Array(text.utf8)
    guard scalars.count >= 19 else { return nil }
    func digits(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= scalars.count else { return nil }
      var value = 0
      for byte in scalars[start..<(start + count)] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let year = digits(0, 4), scalars[4] == 45, let month = digits(5, 2), scalars[7] == 45,
      let day = digits(8, 2), scalars[10] == UInt8(ascii: "T"), let hour = digits(11, 2),
      scalars[13] == 58, let minute = digits(14, 2), scalars[16] == 58, let second = digits(17, 2)
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      let start = index
      while index < scalars.count, (48...57).contains(scalars[index]) {
        fraction += Double(scalars[index] - 48) * scale
        scale /= 10
        index += 1
      }
      guard index > start, index - start <= 7 else { return nil }
    }
    var offset = 0
    if index < scalars.count {
      switch scalars[index] {
      case UInt8(ascii: "Z"):
        index += 1
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        guard let hours = digits(index + 1, 2), index + 3 < scalars.count, scalars[index + 3] == 58,
          let minutes = digits(index + 4, 2)
        else { return nil }
        offset = (hours * 3600 + minutes * 60) * (scalars[index] == UInt8(ascii: "-") ? -1 : 1)
        index += 6
      default:
        return nil
      }
    }
    guard index == scalars.count else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
    return date.addingTimeInterval(fraction - Double(offset))
  }
}

/// Decodes a required ApiDateTime string field.
extension KeyedDecodingContainer {
  func decodeApiDate(forKey key: Key) throws -> Date {
    let text = try decode(String.self, forKey: key)
    guard let date = ApiDate.parse(text) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an ApiDateTime: \(text)")
    }
    return date
  }

  func decodeApiDateIfPresent(forKey key: Key) throws -> Date? {
    guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
    return ApiDate.parse(text)
  }
}
