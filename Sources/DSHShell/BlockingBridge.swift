import DocSpaceVerbs
import Foundation
import Synchronization

/// Runs async work from the REPL's synchronous loop (libedit must read on the start thread) and
/// waits for it.
///
/// A signal that arrives meanwhile is passed on: `Interruption` is raised (bulk runs watch it) and
/// the work's task is cancelled.
public struct BlockingBridge: Sendable {
  /// One pending stop signal (SIGINT, SIGTERM, SIGHUP), taken without waiting; nil if none.
  let takeSignal: @Sendable () -> Int32?
  /// Raised for each signal that arrives while `wait` runs; bulk runs watch it to stop early.
  public let interruption: Interruption

  /// A bridge that passes on what `takeSignal` hands over while it waits; the default takes none.
  public init(interruption: Interruption = Interruption(), takeSignal: @escaping @Sendable () -> Int32? = { nil }) {
    self.interruption = interruption
    self.takeSignal = takeSignal
  }

  /// Runs `operation` in a detached task and blocks until it returns, cancelling the task when a
  /// signal arrives meanwhile (the operation decides what cancellation means).
  public func wait<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
    interruption.reset()
    let result = Mutex<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    let task = Task.detached {
      let value = await operation()
      result.withLock { $0 = value }
      done.signal()
    }
    while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
      while let signal = takeSignal() {
        interruption.raise(signal: signal, terminates: signal != SIGINT)
        task.cancel()
      }
    }
    // The semaphore was signalled after the value was stored.
    guard let value = result.withLock({ $0 }) else { preconditionFailure("BlockingBridge: done without a value") }
    return value
  }

  /// Runs `operation` in a task and waits for its value at most `limit`; nil if it took
  /// longer (the task goes on: what it does must be harmless to finish unobserved).
  public static func value<T: Sendable>(within limit: Duration, _ operation: @escaping @Sendable () async -> T) -> T? {
    let result = Mutex<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      let value = await operation()
      result.withLock { $0 = value }
      done.signal()
    }
    let (seconds, attoseconds) = limit.components
    let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    guard done.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else { return nil }
    return result.withLock { $0 }
  }
}
