import Foundation

/// Injected trouble: failures (502, 503, dropped connections). Latency and the rate limiter
/// sit in the request pipeline (`PortalRoutes`).
actor Faults {
  enum Failure {
    case badGateway
    case unavailable
    case dropConnection
  }

  let options: SimulatorOptions
  private var random: SeededRandom

  init(options: SimulatorOptions) {
    self.options = options
    self.random = SeededRandom(seed: options.seed &+ 7)
  }

  /// Whether to fail this request instead of handling it, and how.
  func drawFailure() -> Failure? {
    guard options.failRate > 0, Double.random(in: 0..<1, using: &random) < options.failRate else { return nil }
    return [.badGateway, .unavailable, .dropConnection].randomElement(using: &random)
  }
}

/// Every request the portal received, in order: what tests check to prove that a dry
/// run sent nothing; and the most it was handling at once.
actor RequestLog {
  private(set) var entries: [(method: String, path: String)] = []
  private var inFlight = 0
  private(set) var peakInFlight = 0

  /// A request arrived; it counts as in flight until `finished()`.
  func record(_ method: String, _ path: String) {
    entries.append((method, path))
    inFlight += 1
    peakInFlight = max(peakInFlight, inFlight)
  }

  func finished() { inFlight -= 1 }
}
