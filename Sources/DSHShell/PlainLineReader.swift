import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads lines from a non-terminal stdin with read(2): no editing, no prompt, no escapes.
public final class PlainLineReader: LineReader {
  private var buffer: [UInt8] = []
  private var finished = false
  private let descriptor: Int32
  /// Wraps each blocking read: dsh lets signals through only while it waits for input.
  private let whileWaiting: (() -> Int) -> Int

  /// A reader of `descriptor` (standard input by default); `whileWaiting` wraps each blocking read.
  public init(descriptor: Int32 = 0, whileWaiting: @escaping (() -> Int) -> Int = { $0() }) {
    self.descriptor = descriptor
    self.whileWaiting = whileWaiting
  }

  /// The next line without its newline (at end of input the unterminated rest, then `.end`);
  /// `.interrupted` when a signal cut the read short.
  public func read(prompt: String) -> LineInput {
    while true {
      if let newline = buffer.firstIndex(of: 10) {
        let line = buffer[..<newline]
        buffer.removeSubrange(...newline)
        return .line(String(decoding: line, as: UTF8.self))
      }
      if finished {
        guard !buffer.isEmpty else { return .end }
        defer { buffer.removeAll() }
        return .line(String(decoding: buffer, as: UTF8.self))
      }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let count = whileWaiting {
        chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      }
      if count < 0 && errno == EINTR { return .interrupted }
      if count <= 0 { finished = true } else { buffer += chunk[..<count] }
    }
  }

  /// Keeps nothing: a plain reader has no history to recall.
  public func remember(_ entry: String) {}
  /// Ignores the state: a plain reader has no Tab.
  public func setCompletionState(_ state: CompletionState) {}
  /// Ignores the mode: a plain reader has no key bindings.
  public func setEditor(_ mode: String) {}
}

/// Questions asked on the terminal while a command runs (the editor is not reading then).
public enum TerminalQuestion {
  /// Reads one answer line from the terminal; nil on end of input or cancellation.
  public static func ask(_ prompt: String, echo: Bool = true) async -> String? {
    let descriptor = open("/dev/tty", O_RDWR)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    Terminal.writeAll(descriptor, prompt)
    var saved = termios()
    let changedEcho = !echo && tcgetattr(descriptor, &saved) == 0
    if changedEcho {
      var quiet = saved
      quiet.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(descriptor, TCSANOW, &quiet)
    }
    defer {
      if changedEcho {
        tcsetattr(descriptor, TCSANOW, &saved)
        Terminal.writeAll(descriptor, "\n")
      }
    }
    var answer: [UInt8] = []
    while !Task.isCancelled {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 100) > 0 else { continue }
      var byte: UInt8 = 0
      guard Glibc.read(descriptor, &byte, 1) == 1 else { return nil }
      if byte == 10 { return String(decoding: answer, as: UTF8.self) }
      answer.append(byte)
    }
    return nil
  }

  /// Asks a yes/no question; true only for "y" or "yes", false on anything else or no terminal.
  public static func confirm(_ question: String) async -> Bool {
    guard let answer = await ask(question + " [y/N] ") else { return false }
    return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }
}
