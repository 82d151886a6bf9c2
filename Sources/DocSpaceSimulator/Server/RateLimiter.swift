import Foundation

/// The global rate limiter of DocSpace 3.7 when `core:hosting:rateLimiterOptions:enable` is
/// true (SERVER `common/ASC.Api.Core/Core/BaseStartup.cs:191-304`, limits from
/// `common/ASC.Common/Utils/RateLimiterSettings.cs:38-41`), chained in the server's order:
/// a sliding window of 1500 requests a minute, then 50 GETs or 15 other requests in flight
/// (no queue), then 10 000 POST/PUT a day. Each is partitioned by the caller's user id, or
/// the peer address when anonymous; an address in `knownIPAddresses` (127.0.0.1 in the
/// shipped config) is not limited at all (BaseStartup.cs:193-236).
actor RateLimiter {
  /// What a request holds while it is in flight.
  struct Lease: Sendable {
    fileprivate var slot: String?
  }

  enum Decision: Sendable {
    case admitted(Lease)
    /// 429 with an empty body and these headers.
    case rejected([(String, String)])
  }

  static let slidingWindowLimit = 1500
  static let concurrentGetLimit = 50
  static let concurrentWriteLimit = 15
  static let dailyWriteLimit = 10_000

  let enabled: Bool
  let exemptLoopback: Bool
  private var window: [String: [Date]] = [:]
  private var inFlight: [String: Int] = [:]
  private var daily: [String: (start: Date, count: Int)] = [:]

  init(enabled: Bool, exemptLoopback: Bool) {
    self.enabled = enabled
    self.exemptLoopback = exemptLoopback
  }

  func acquire(partition: String, peer: String, method: String, now: Date = Date()) -> Decision {
    guard enabled, !(exemptLoopback && peer == "127.0.0.1") else { return .admitted(Lease(slot: nil)) }
    let recent = window[partition, default: []].filter { now.timeIntervalSince($0) < 60 }
    guard recent.count < Self.slidingWindowLimit else {
      window[partition] = recent
      return .rejected(Self.headers(limit: Self.slidingWindowLimit, reset: recent[0].addingTimeInterval(60), now: now))
    }
    // A permit of the window is spent once granted, even if a later limiter of the chain
    // refuses (the Redis window records it when it grants it).
    window[partition] = recent + [now]
    let isRead = method.caseInsensitiveCompare("GET") == .orderedSame
    let slot = (isRead ? "cr_read_" : "cr_write_") + partition
    let limit = isRead ? Self.concurrentGetLimit : Self.concurrentWriteLimit
    guard inFlight[slot, default: 0] < limit else {
      return .rejected([("X-RateLimit-Limit", "\(limit)"), ("X-RateLimit-Remaining", "0"), ("Retry-After", "1")])
    }
    if method == "POST" || method == "PUT" {
      var day = daily[partition] ?? (start: now, count: 0)
      if now.timeIntervalSince(day.start) >= 86_400 { day = (start: now, count: 0) }
      guard day.count < Self.dailyWriteLimit else {
        daily[partition] = day
        return .rejected(
          Self.headers(limit: Self.dailyWriteLimit, reset: day.start.addingTimeInterval(86_400), now: now))
      }
      day.count += 1
      daily[partition] = day
    }
    inFlight[slot, default: 0] += 1
    return .admitted(Lease(slot: slot))
  }

  func release(_ lease: Lease) {
    guard let slot = lease.slot else { return }
    inFlight[slot, default: 1] -= 1
  }

  /// `RateLimitMetadata.OnRejected` of RedisRateLimiting.AspNetCore: the limit, what is
  /// left, when the window resets (unix seconds) and how long to wait.
  private static func headers(limit: Int, reset: Date, now: Date) -> [(String, String)] {
    [
      ("X-RateLimit-Limit", "\(limit)"), ("X-RateLimit-Remaining", "0"),
      ("X-RateLimit-Reset", "\(Int(reset.timeIntervalSince1970.rounded(.up)))"),
      ("Retry-After", "\(max(1, Int(reset.timeIntervalSince(now).rounded(.up))))"),
    ]
  }
}
