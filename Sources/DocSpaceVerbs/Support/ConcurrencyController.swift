import DSHLanguage

/// How many requests a bulk run keeps in flight, and when it pauses: the control law of
/// `BulkRunner` and `Person.lookUp`, fed with each answer as it comes.
///
/// - It starts at 16 (`auto`) or at the fixed number, and never goes past its ceiling: 64
///   (`auto`, the HTTP client's pool) or the fixed number.
/// - While the portal keeps up it grows, a round at a time (a round: as many answers as
///   requests allowed in flight): doubling until the first sign of a limit, by one after.
/// - The portal keeps up while a round's median latency stays within `tolerance` times the
///   best round's. When it climbs, requests queue somewhere and more in flight would only
///   wait longer: the level holds, and stops doubling.
/// - A 429 or 503 halves the level and remembers the one that drew it: growing again (still
///   doubling, unless latency climbed before) stops just below it, so a portal that limits
///   requests in flight is back at its limit a round later; only a long calm run
///   (`probeRounds` rounds) lets it try one more. A 429 or 503 drawn by that one more goes
///   straight back to the level it was tried from, which held all along, instead of halving.
///   Answers to requests sent before the halving speak of the old level and change nothing.
/// - When halving has not helped (no request sent since succeeded) and the throttled
///   request was the only one out, the portal is not counting requests in flight but
///   wants a pause (a budget per minute or day): nothing is sent for its `Retry-After`
///   (1 s when it names none, plus a jitter of up to half that, at most 1 s), and the run
///   goes on from half the level it had before the 429s began.
struct ConcurrencyController {
  typealias Instant = ContinuousClock.Instant

  /// Where `auto` starts: moderate, a quarter of the ceiling.
  ///
  /// DocSpace 3.7's limiter admits 15 writes in flight, so at most one request of the first
  /// round draws a 429 there; a start of 8 cost every bulk run one more round of ramp.
  static let autoStart = 16
  /// How far above the best round's median latency a round's may be and still count as holding.
  static let tolerance = 1.5
  /// Calm rounds at the learned level before trying one more in flight.
  static let probeRounds = 20

  /// The most requests that may be in flight now.
  private(set) var limit: Int
  /// The most there may ever be.
  let ceiling: Int
  /// Just below the level that drew the last 429/503; the ceiling until one comes.
  private(set) var learned: Int
  /// Nothing new is sent before this.
  private(set) var resumeAt: Instant
  private var doubling = true
  private var round: [Duration] = []
  private var best: Duration?
  private var calmRounds = 0
  /// The calm level a probe tried one more above, until the probe is answered or throttled.
  private var probedFrom: Int?
  private var loweredAt: Instant?
  private var answeredSinceLowered = true
  /// The level and the learned level before the current run of 429s began.
  private var beforeThrottling: (limit: Int, learned: Int)

  init(_ setting: Settings.Concurrency, now: Instant = .now) {
    switch setting {
    case .auto:
      ceiling = Settings.concurrencyRange.upperBound
      limit = min(Self.autoStart, ceiling)
    case .fixed(let number):
      ceiling = max(1, number)
      limit = ceiling
    }
    learned = ceiling
    resumeAt = now
    beforeThrottling = (limit, learned)
  }

  /// An answer came for a request sent at `sentAt`, `latency` after it was sent.
  mutating func answered(sentAt: Instant, latency: Duration) {
    if let loweredAt, sentAt >= loweredAt { answeredSinceLowered = true }
    round.append(latency)
    guard round.count >= limit else { return }
    let median = round.sorted()[round.count / 2]
    round.removeAll()
    let best = min(best ?? median, median)
    self.best = best
    guard Self.seconds(median) <= Self.seconds(best) * Self.tolerance else {
      doubling = false
      return
    }
    let cap = min(ceiling, learned)
    if limit < cap {
      limit = doubling ? min(cap, limit * 2) : limit + 1
    } else {
      // A whole round at the cap passed without a 429: a probe under way found room.
      probedFrom = nil
      guard learned < ceiling else { return }
      calmRounds += 1
      if calmRounds >= Self.probeRounds {
        probedFrom = learned
        learned += 1
        calmRounds = 0
      }
    }
  }

  /// The portal answered 429 or 503 to a request sent at `sentAt`, with `othersInFlight`
  /// other requests still out.
  mutating func throttled(sentAt: Instant, now: Instant, retryAfter: Double?, othersInFlight: Int) {
    if let loweredAt, sentAt < loweredAt { return }
    if let probed = probedFrom, limit > probed {
      probedFrom = nil
      learned = probed
      limit = probed
      round.removeAll()
      loweredAt = now
      return
    }
    if answeredSinceLowered {
      beforeThrottling = (limit, learned)
    } else if othersInFlight == 0 {
      let wait = max(0, retryAfter ?? 1)
      let pause = wait + Double.random(in: 0...min(1, wait / 2))
      resumeAt = max(resumeAt, now + .milliseconds(Int64(pause * 1000)))
      limit = max(1, beforeThrottling.limit / 2)
      learned = beforeThrottling.learned
      loweredAt = now
      return
    }
    learned = max(1, limit - 1)
    limit = max(1, limit / 2)
    round.removeAll()
    calmRounds = 0
    loweredAt = now
    answeredSinceLowered = false
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
