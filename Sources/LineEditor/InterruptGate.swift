import CEditLine

#if canImport(Glibc)
  import Glibc
#endif

/// Signal handling for a shell whose commands run on other threads.
///
/// At start-up, before any other thread exists, SIGINT gets a do-nothing handler without SA_RESTART
/// (so a blocked read returns EINTR) and SIGINT, SIGTERM, SIGHUP and SIGWINCH are blocked, so every
/// later thread inherits the block. The reading thread unblocks them only while it waits for input
/// (libedit handles them there, and SIGTERM or SIGHUP then end dsh as usual); while a command runs
/// they stay pending until `takePending` collects one, so the shell can stop the command cleanly
/// (finish the journal, print the summary) first.
public enum InterruptGate {
  /// The signals that stop a running command: SIGINT, then SIGTERM and SIGHUP, which also end dsh.
  public static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Sets up the signal handling described above; call once at start-up, before any thread starts.
  public static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    var blocked = signals()
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
  }

  /// Runs `body` with the signals deliverable on this thread.
  public static func unblocked<T>(_ body: () -> T) -> T {
    var set = signals()
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    defer { pthread_sigmask(SIG_BLOCK, &set, nil) }
    return body()
  }

  /// Collects one pending stop signal, if any, without waiting.
  public static func takePending() -> Int32? {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in stopSignals { sigaddset(&set, signal) }
    var timeout = timespec(tv_sec: 0, tv_nsec: 0)
    let taken = sigtimedwait(&set, nil, &timeout)
    return taken > 0 ? taken : nil
  }

  private static func signals() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in stopSignals + [SIGWINCH] { sigaddset(&set, signal) }
    return set
  }
}
