import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Where the shell's text goes, and what kind of terminal it is.
public struct Terminal: Sendable {
  /// Writes text to standard output as given (no newline added).
  public var writeOut: @Sendable (String) -> Void
  /// Writes text to standard error as given (no newline added).
  public var writeErr: @Sendable (String) -> Void
  /// Whether standard output is a terminal: tables are then escaped and pagers make sense.
  public var stdoutIsTTY: Bool
  /// Whether standard error is a terminal.
  public var stderrIsTTY: Bool
  /// The current width of standard output in columns; `Int.max` for a pipe without `COLUMNS`.
  public var width: @Sendable () -> Int
  /// Whether diagnostics may use colour (a terminal, no `NO_COLOR`, not `TERM=dumb`).
  public var colorAllowed: Bool
  /// Why writing to standard output first failed ("cannot write to standard output: No space
  /// left on device"), or nil while every write has succeeded.
  public var outputFailure: @Sendable () -> String?

  /// A terminal made of the given writers and facts; tests pass closures that collect the text.
  public init(
    writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void,
    stdoutIsTTY: Bool, stderrIsTTY: Bool, width: @escaping @Sendable () -> Int, colorAllowed: Bool,
    outputFailure: @escaping @Sendable () -> String? = { nil }
  ) {
    self.writeOut = writeOut
    self.writeErr = writeErr
    self.stdoutIsTTY = stdoutIsTTY
    self.stderrIsTTY = stderrIsTTY
    self.width = width
    self.colorAllowed = colorAllowed
    self.outputFailure = outputFailure
  }

  /// The process's real stdout and stderr (or the given descriptors).
  ///
  /// Colour only on a TTY and never with NO_COLOR. After a failed write to `output` (a closed pipe,
  /// a full disk), later output is dropped and `outputFailure` says why.
  public static func standard(environment: [String: String], output: Int32 = 1, error: Int32 = 2) -> Terminal {
    let outTTY = isatty(output) == 1
    let errTTY = isatty(error) == 1
    let failure = WriteFailure()
    return Terminal(
      writeOut: { text in
        guard failure.message == nil else { return }
        if let code = writeAll(output, text) {
          failure.record("cannot write to standard output: \(String(cString: strerror(code)))")
        }
      },
      writeErr: { _ = writeAll(error, $0) }, stdoutIsTTY: outTTY, stderrIsTTY: errTTY,
      width: {
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        // Piped or redirected output keeps every column whole, unless COLUMNS says otherwise.
        return Int(environment["COLUMNS"] ?? "") ?? Int.max
      },
      colorAllowed: errTTY && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb",
      outputFailure: { failure.message })
  }

  /// Writes every byte, retrying on partial writes and EINTR.
  ///
  /// Returns the `errno` of a failed write.
  static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      bytes = bytes.dropFirst(written)
    }
    return nil
  }
}

/// The first failure writing to standard output.
///
/// The terminal's write closures are copied into every task that prints (the interpreter, bulk
/// verbs' progress, trace handlers on NIO threads), so the record is shared, mutable state and
/// needs a lock.
final class WriteFailure: Sendable {
  private let first = Mutex<String?>(nil)

  var message: String? { first.withLock { $0 } }

  /// Keeps `message` unless a failure is already recorded.
  func record(_ message: String) {
    first.withLock { if $0 == nil { $0 = message } }
  }
}
