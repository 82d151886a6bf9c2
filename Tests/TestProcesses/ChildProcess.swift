import CSpawn
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program the tests start with `posix_spawn`, each standard stream piped to the test, sent
/// to /dev/null, or given a descriptor.
///
/// Not Foundation's `Process`: its `run()` walks the test process's open descriptors to close
/// them in the child, and with over a thousand sockets open (the bulk tests) it crashed the
/// whole test run in CI, one launch at a time too. Here the spawn itself closes every
/// descriptor from 3 up in the child (`posix_spawn_file_actions_addclosefrom_np`), so the
/// child gets its three streams and nothing else of the test process's; the test's ends of
/// the pipes are close-on-exec too, for programs started another way (tmux via popen).
///
/// The child starts with no signal blocked and SIGINT, SIGTERM, SIGHUP and SIGPIPE at their
/// defaults, whatever the test runner's threads block or ignore. Killed (SIGKILL) and reaped
/// if still running when released.
public final class ChildProcess: @unchecked Sendable {
  /// Where one of the child's standard streams goes.
  public enum Stream {
    /// A pipe whose other end the test holds.
    case pipe
    /// /dev/null.
    case nullDevice
    /// This open descriptor of the test's (it stays the test's to close).
    case descriptor(Int32)
    /// Standard error only: wherever standard output goes, interleaved with it.
    case standardOutput
  }

  /// How a child ended: an exit status, or the signal that killed it.
  public struct Ending: Equatable, Sendable, CustomStringConvertible {
    /// The exit status, or the number of the signal.
    public var status: Int32
    /// Whether `status` is a signal.
    public var bySignal: Bool

    /// `exit 3` or `killed by signal 9`.
    public var description: String { bySignal ? "killed by signal \(status)" : "exit \(status)" }

    /// An ending with `status`, a signal's number when `bySignal`.
    public init(status: Int32, bySignal: Bool) {
      self.status = status
      self.bySignal = bySignal
    }

    /// An exit with `status`.
    public static func exit(_ status: Int32) -> Ending { Ending(status: status, bySignal: false) }
  }

  /// Why a child could not be started.
  public struct SpawnError: Error, CustomStringConvertible {
    /// What could not be started.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    /// `cannot start PATH: REASON`.
    public var description: String { "cannot start \(path): \(String(cString: strerror(code)))" }
  }

  /// The child's process id.
  public let pid: pid_t
  /// The test's end of the child's standard input, when piped.
  public let standardInput: FileHandle?
  /// The test's end of the child's standard output, when piped.
  public let standardOutput: FileHandle?
  /// The test's end of the child's standard error, when piped.
  public let standardError: FileHandle?

  private let reaped = NSLock()
  private var ending: Ending?

  /// Making a pipe and marking it close-on-exec happen one at a time with spawning (glibc's
  /// `pipe2` is not visible to Swift), so that no child of these starts in between.
  private static let spawning = NSLock()

  /// Starts `path` with `arguments` and exactly `environment`.
  public init(
    _ path: String, _ arguments: [String], environment: [String: String], stdin: Stream = .pipe,
    stdout: Stream = .pipe, stderr: Stream = .pipe
  ) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let arguments = ([path] + arguments).map { strdup($0) } + [nil]
    let environment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in arguments + environment { free(pointer) } }

    Self.spawning.lock()
    defer { Self.spawning.unlock() }
    var ends: [FileHandle?] = []
    var childEnds: [Int32] = []
    defer { for descriptor in childEnds { close(descriptor) } }
    for (target, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
      switch stream {
      case .pipe:
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw SpawnError(path: path, code: errno) }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let (child, test) = target == 0 ? (descriptors[0], descriptors[1]) : (descriptors[1], descriptors[0])
        childEnds.append(child)
        posix_spawn_file_actions_adddup2(&actions, child, target)
        ends.append(FileHandle(fileDescriptor: test, closeOnDealloc: true))
      case .nullDevice:
        posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
        ends.append(nil)
      case .descriptor(let descriptor):
        posix_spawn_file_actions_adddup2(&actions, descriptor, target)
        ends.append(nil)
      case .standardOutput:
        posix_spawn_file_actions_adddup2(&actions, 1, target)
        ends.append(nil)
      }
    }
    let closing = dsh_spawn_close_from(&actions, 3)
    guard closing == 0 else { throw SpawnError(path: path, code: closing) }
    var pid = pid_t()
    let result = posix_spawn(&pid, path, &actions, &attributes, arguments, environment)
    guard result == 0 else { throw SpawnError(path: path, code: result) }
    self.pid = pid
    (standardInput, standardOutput, standardError) = (ends[0], ends[1], ends[2])
  }

  deinit {
    if ended == nil {
      kill(pid, SIGKILL)
      _ = waitUntilExit()
    }
  }

  /// How the child ended, or nil while it runs (never blocks).
  public var ended: Ending? {
    reaped.withLock {
      if ending == nil {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { ending = Self.ending(status) }
      }
      return ending
    }
  }

  /// Whether the child still runs.
  public var isRunning: Bool { ended == nil }

  /// Sends `signal` to the child.
  public func send(_ signal: Int32) { kill(pid, signal) }

  /// Blocks until the child ends; call it from a thread of its own, not the shared pool.
  public func waitUntilExit() -> Ending {
    if let ended { return ended }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      // Reaped meanwhile by `ended` on another thread (ECHILD): it kept the ending.
      if errno != EINTR { return reaped.withLock { ending } ?? Ending(status: -1, bySignal: false) }
    }
    let found = Self.ending(status)
    reaped.withLock { ending = found }
    return found
  }

  /// An ending from `waitpid`'s status word (the C macros are not visible to Swift).
  private static func ending(_ status: Int32) -> Ending {
    let signal = status & 0x7f
    return signal == 0 ? .exit((status >> 8) & 0xff) : Ending(status: signal, bySignal: true)
  }
}
