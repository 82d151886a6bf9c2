import Foundation
import Testing

@testable import DocSpaceAPI

/// `Retry-After` is a finite non-negative integer of seconds or an HTTP date, clamped to
/// 300 s; anything else is ignored and the normal backoff applies.
@Suite(.timeLimit(.minutes(1))) struct RetryAfterTests {
  @Test(arguments: ["nan", "inf", "-inf", "1e300", "-1", "abc", "99999999999999999999", "1.5", ""])
  func aGetRateLimitedWithANonsenseRetryAfterStillSucceeds(_ header: String) async throws {
    let limited = PeerReply.json("{}", status: 429, headers: ["Retry-After: \(header)"])
    try await withPeer(limited, .envelope(Fixtures.connections())) { portal in
      let connections = try await withClient(of: portal) { client in try await client.activeConnections() }
      #expect(connections.items.map(\.id) == [7])
      #expect(portal.requests.count == 2)
    }
  }

  @Test func aGetRateLimitedWithRetryAfterZeroIsRetriedAtOnce() async throws {
    let limited = PeerReply.json("{}", status: 429, headers: ["Retry-After: 0"])
    try await withPeer(limited, .envelope(Fixtures.connections())) { portal in
      _ = try await withClient(of: portal) { client in try await client.activeConnections() }
      #expect(portal.requests.count == 2)
    }
  }

  /// `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110's example date.
  static let exampleDate = Date(timeIntervalSince1970: 784_111_777)

  @Test(
    arguments: [
      ("0", 0), ("5", 5), ("120", 120), ("300", 300), ("301", 300), ("86400", 300),
    ] as [(String, Double)])
  func secondsAreTakenAndClamped(_ header: String, _ expected: Double) {
    #expect(RetryAfter.seconds(header, now: Self.exampleDate) == expected)
  }

  @Test(arguments: [
    "nan", "NaN", "inf", "-inf", "infinity", "1e300", "1e2", "-1", "abc", "99999999999999999999", "1.5", "0x10", "",
  ])
  func anythingElseIsIgnored(_ header: String) {
    #expect(RetryAfter.seconds(header, now: Self.exampleDate) == nil)
  }

  @Test(arguments: [(-120, 120), (60, 0), (-86400, 300)] as [(Double, Double)])
  func anHTTPDateIsTheWaitUntilThenClamped(offsetOfNow: Double, expected: Double) {
    let now = Self.exampleDate.addingTimeInterval(offsetOfNow)
    #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == expected)
  }
}
