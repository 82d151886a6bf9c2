import CEditLine

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C handling for a line editor on the start thread. At start-up, before any other
/// thread exists, SIGINT gets a do-nothing handler without SA_RESTART (so a blocked read
/// returns EINTR) and SIGINT and SIGWINCH are blocked, so every later thread inherits the
/// block. The reading thread unblocks them only while it reads; while a command runs, a
/// Ctrl-C stays pending until `takePending` collects it.
public enum InterruptGate {
  public static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    var blocked = signals()
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
  }

  /// Runs `body` with SIGINT and SIGWINCH deliverable on this thread.
  public static func unblocked<T>(_ body: () -> T) -> T {
    var set = signals()
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    defer { pthread_sigmask(SIG_BLOCK, &set, nil) }
    return body()
  }

  /// Collects one pending Ctrl-C, if any, without waiting.
  public static func takePending() -> Bool {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    var timeout = timespec(tv_sec: 0, tv_nsec: 0)
    return sigtimedwait(&set, nil, &timeout) == SIGINT
  }

  private static func signals() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGWINCH)
    return set
  }
}
