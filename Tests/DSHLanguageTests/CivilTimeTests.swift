import Foundation
import Testing

@testable import DSHLanguage

/// Calendar fields by arithmetic: the same as Foundation's Gregorian calendar wherever that
/// calendar is Gregorian, and left to it before.
@Suite struct CivilTimeTests {
  func foundationFields(_ seconds: Int) -> CivilTime {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second, .weekday], from: Date(timeIntervalSince1970: Double(seconds)))
    return CivilTime(
      year: parts.year ?? -1, month: parts.month ?? -1, day: parts.day ?? -1, hour: parts.hour ?? -1,
      minute: parts.minute ?? -1, second: parts.second ?? -1, weekday: (parts.weekday ?? 0) - 1)
  }

  @Test func agreesWithFoundationFromTheGregorianReformToTheYear9999() throws {
    let last = Int(DateText.range.upperBound) + 18 * 3_600
    var seconds = CivilTime.gregorianReform
    var checked = 0
    while seconds <= last {
      #expect(CivilTime(clockSeconds: seconds) == foundationFields(seconds), "at \(seconds) s")
      seconds += 7_919_993
      checked += 1
    }
    #expect(checked > 10_000)
  }

  @Test(arguments: [
    -1, 0, 86_399, 86_400, 951_782_400, 951_868_799, 951_868_800, -2_203_891_200, 4_107_542_400,
    CivilTime.gregorianReform, CivilTime.gregorianReform + 86_399,
  ])
  func agreesWithFoundationAtDayAndLeapDayEdges(_ seconds: Int) {
    #expect(CivilTime(clockSeconds: seconds) == foundationFields(seconds))
  }

  @Test func leavesClocksBeforeTheReformToFoundation() {
    #expect(CivilTime(clockSeconds: CivilTime.gregorianReform - 1) == nil)
    for seconds in [CivilTime.gregorianReform - 1, -62_135_596_800, -30_000_000_000] {
      #expect(CivilTime(Date(timeIntervalSince1970: Double(seconds)), offset: 0) == foundationFields(seconds))
    }
  }

  @Test func formatShowsFoundationsJulianDatesBeforeTheReform() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let date = try #require(calendar.date(from: DateComponents(year: 1500, month: 3, day: 1, hour: 12)))
    #expect(DateText.format(date) == "1500-03-01T12:00:00Z")
  }

  @Test func formatShowsMillisecondsOnlyWhenThereAreSome() throws {
    let date = try #require(DateText.parse("2026-07-10T12:04:05Z"))
    #expect(DateText.format(date) == "2026-07-10T12:04:05Z")
    #expect(DateText.format(date.addingTimeInterval(0.042)) == "2026-07-10T12:04:05.042Z")
    #expect(DateText.format(date, in: .offset(-9_000)) == "2026-07-10T09:34:05-02:30")
  }
}
