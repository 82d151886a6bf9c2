import Foundation

/// Runs async work from the REPL's synchronous loop (libedit must read on the start
/// thread) and waits for it, cancelling it when the user presses Ctrl-C.
public struct BlockingBridge: Sendable {
  /// Returns true once for each Ctrl-C that arrived while waiting.
  let interruptPending: @Sendable () -> Bool

  public init(interruptPending: @escaping @Sendable () -> Bool) {
    self.interruptPending = interruptPending
  }

  public func wait<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let task = Task.detached {
      box.set(await operation())
      done.signal()
    }
    while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
      if interruptPending() { task.cancel() }
    }
    return box.get()!
  }
}

/// Hands a result from the detached task to the waiting thread.
final class ResultBox<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: T?

  func set(_ newValue: T) {
    lock.lock()
    value = newValue
    lock.unlock()
  }

  func get() -> T? {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
