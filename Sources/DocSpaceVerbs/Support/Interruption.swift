import Synchronization

/// Ctrl-C, SIGTERM and SIGHUP as the session sees them.
///
/// The shell's driver raises it when a signal arrives while a command runs (and cancels the
/// command's task); a bulk run watches it to stop starting requests on the first signal and to
/// cancel in-flight ones on the second. A class: the driver and the running verb must see the same
/// count.
public final class Interruption: Sendable {
  private let state = Mutex(State())

  private struct State {
    var count = 0
    var terminatingSignal: Int32?
    var observers: [Int: @Sendable (Int) -> Void] = [:]
    var nextObserver = 0
  }

  /// A count with no signal recorded yet.
  public init() {}

  /// Records one signal.
  ///
  /// SIGINT interrupts the command; SIGTERM or SIGHUP also ends dsh once the command has stopped
  /// (`terminatingSignal`).
  public func raise(signal: Int32, terminates: Bool) {
    let (count, observers) = state.withLock { state in
      state.count += 1
      if terminates && state.terminatingSignal == nil { state.terminatingSignal = signal }
      return (state.count, Array(state.observers.values))
    }
    for observer in observers { observer(count) }
  }

  /// How many signals arrived since the last `reset`.
  public var count: Int { state.withLock { $0.count } }

  /// The first SIGTERM or SIGHUP received, which dsh exits with (128 + signal).
  public var terminatingSignal: Int32? { state.withLock { $0.terminatingSignal } }

  /// Forgets the interrupts of a finished command (the REPL goes on after Ctrl-C).
  public func reset() { state.withLock { $0.count = 0 } }

  /// Calls `observer` with the count on every signal until the returned token is cancelled.
  func observe(_ observer: @escaping @Sendable (Int) -> Void) -> Int {
    state.withLock { state in
      state.nextObserver += 1
      state.observers[state.nextObserver] = observer
      return state.nextObserver
    }
  }

  func stopObserving(_ token: Int) { _ = state.withLock { $0.observers.removeValue(forKey: token) } }
}
