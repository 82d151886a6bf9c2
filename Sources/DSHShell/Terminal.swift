import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where the shell's text goes, and what kind of terminal it is.
public struct Terminal: Sendable {
  public var writeOut: @Sendable (String) -> Void
  public var writeErr: @Sendable (String) -> Void
  public var stdoutIsTTY: Bool
  public var stderrIsTTY: Bool
  public var width: @Sendable () -> Int
  public var colorAllowed: Bool

  public init(
    writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void,
    stdoutIsTTY: Bool, stderrIsTTY: Bool, width: @escaping @Sendable () -> Int, colorAllowed: Bool
  ) {
    self.writeOut = writeOut
    self.writeErr = writeErr
    self.stdoutIsTTY = stdoutIsTTY
    self.stderrIsTTY = stderrIsTTY
    self.width = width
    self.colorAllowed = colorAllowed
  }

  /// The process's real stdout and stderr. Colour only on a TTY and never with NO_COLOR.
  public static func standard(environment: [String: String]) -> Terminal {
    let outTTY = isatty(1) == 1
    let errTTY = isatty(2) == 1
    return Terminal(
      writeOut: { writeAll(1, $0) }, writeErr: { writeAll(2, $0) }, stdoutIsTTY: outTTY, stderrIsTTY: errTTY,
      width: {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        // Piped or redirected output keeps every column whole, unless COLUMNS says otherwise.
        return Int(environment["COLUMNS"] ?? "") ?? Int.max
      },
      colorAllowed: errTTY && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
  }

  /// Writes every byte, retrying on partial writes and EINTR.
  static func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }
}
