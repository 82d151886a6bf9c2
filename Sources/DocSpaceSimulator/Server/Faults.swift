import Foundation

/// Injected trouble: latency, failures (502, 503, dropped connections) and the rate limiter.
actor Faults {
  enum Failure {
    case badGateway
    case unavailable
    case dropConnection
  }

  let options: SimulatorOptions
  private var random: SeededRandom
  private var readsInFlight: [String: Int] = [:]
  private var writesInFlight: [String: Int] = [:]

  static let maximumParallelReads = 50
  static let maximumParallelWrites = 15

  init(options: SimulatorOptions) {
    self.options = options
    self.random = SeededRandom(seed: options.seed &+ 7)
  }

  /// Whether to fail this request instead of handling it, and how.
  func drawFailure() -> Failure? {
    guard options.failRate > 0, Double.random(in: 0..<1, using: &random) < options.failRate else { return nil }
    return [.badGateway, .unavailable, .dropConnection].randomElement(using: &random)
  }

  /// Takes a slot for the caller, or nil when the limiter rejects the request.
  func admit(partition: String, isWrite: Bool) -> Bool {
    guard options.rateLimit else { return true }
    if isWrite {
      guard writesInFlight[partition, default: 0] < Self.maximumParallelWrites else { return false }
      writesInFlight[partition, default: 0] += 1
    } else {
      guard readsInFlight[partition, default: 0] < Self.maximumParallelReads else { return false }
      readsInFlight[partition, default: 0] += 1
    }
    return true
  }

  func release(partition: String, isWrite: Bool) {
    guard options.rateLimit else { return }
    if isWrite { writesInFlight[partition, default: 1] -= 1 } else { readsInFlight[partition, default: 1] -= 1 }
  }
}

/// Every request the portal received, in order: what tests check to prove that a dry
/// run sent nothing.
actor RequestLog {
  private(set) var entries: [(method: String, path: String)] = []

  func record(_ method: String, _ path: String) { entries.append((method, path)) }
}
