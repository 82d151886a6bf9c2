import DSHLanguage
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The language's view of the world, for one session: output, questions, progress.
final class ShellHost: CommandHost {
  let terminal: Terminal
  let interactive: Bool
  /// Standard input holds the program itself (`dsh -`, lines piped into the shell).
  let inputIsProgram: Bool
  let ask: @Sendable (String) async -> Bool
  let askSecret: @Sendable (String) async -> String?

  init(
    terminal: Terminal, interactive: Bool, inputIsProgram: Bool = false,
    ask: @escaping @Sendable (String) async -> Bool, askSecret: @escaping @Sendable (String) async -> String?
  ) {
    self.terminal = terminal
    self.interactive = interactive
    self.inputIsProgram = inputIsProgram
    self.ask = ask
    self.askSecret = askSecret
  }

  var isInteractive: Bool { interactive }

  /// Program output (`print`): exact bytes into a pipe or file, control characters escaped on a terminal.
  func write(_ text: String) {
    terminal.writeOut(terminal.stdoutIsTTY ? TerminalText.escaped(text, keepNewlines: true) : text)
  }

  /// Messages for the user on stderr, always with control characters escaped.
  func inform(_ text: String) {
    let safe = TerminalText.escaped(text, keepNewlines: true)
    terminal.writeErr(safe.hasSuffix("\n") ? safe : safe + "\n")
  }

  /// A result in the chosen format.
  ///
  /// In table format on a terminal, a scalar result such as `to csv` text is escaped as `print` is;
  /// JSON and CSV output stay exact data.
  func show(_ value: Value, settings: Settings) async {
    let text = DateText.$zone.withValue(settings.timeZone) {
      OutputFormatter(width: terminal.width(), view: settings.view).format(value, as: settings.output)
    }
    let escape = terminal.stdoutIsTTY && settings.output == .table
    terminal.writeOut(escape ? TerminalText.escaped(text, keepNewlines: true) : text)
  }

  func confirm(_ question: String) async -> Bool { await ask(question) }
  func readSecret(_ prompt: String) async -> String? { await askSecret(prompt) }

  func progress(done: Int, total: Int) { progress(done: done, total: total, note: "") }

  /// Standard input to its end, polled so that Ctrl-C (which cancels the task) stops the wait.
  ///
  /// In the REPL, or when standard input is a terminal, there is nothing to read.
  func readStandardInput(limit: Int) async throws(CommandFailure) -> [UInt8] {
    guard !interactive, isatty(0) == 0 else {
      throw CommandFailure(
        .input, "standard input is the terminal here, not data",
        help: "give a file (open FILE), or pipe data into dsh -c or dsh FILE")
    }
    guard !inputIsProgram else {
      throw CommandFailure(
        .input, "standard input holds this program, not data",
        help: "give a file (open FILE), or run the program with dsh FILE or dsh -c and pipe the data")
    }
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while data.count <= limit {
      guard !Task.isCancelled else { throw CommandFailure(.interrupted, "interrupted while reading standard input") }
      var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, 100)
      if ready < 0 && errno != EINTR {
        throw CommandFailure(.runtime, "cannot read standard input: \(String(cString: strerror(errno)))")
      }
      guard ready > 0 else { continue }
      let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw CommandFailure(.runtime, "cannot read standard input: \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      data += chunk[..<count]
    }
    return data
  }

  /// `[#####     ] 120/1000  118 closed, 2 failed`, redrawn in place; cleared when done,
  /// so the summary that follows starts on a clean line.
  func progress(done: Int, total: Int, note: String) {
    guard terminal.stderrIsTTY else { return }
    guard done < total else {
      terminal.writeErr("\r\u{1B}[K")
      return
    }
    let width = 30
    let filled = total == 0 ? width : width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
    terminal.writeErr("\r[\(bar)] \(done)/\(total)" + (note.isEmpty ? "" : "  \(note)") + "\u{1B}[K")
  }
}

/// A result rendered in the chosen output format.
struct OutputFormatter {
  var width: Int
  var view: Settings.ViewMode

  func format(_ value: Value, as format: Settings.OutputFormat) -> String {
    switch format {
    case .table: return TableRenderer(width: width, view: view).render(value)
    case .json: return JSON.encode(value) + "\n"
    case .csv: return CSVWriter.write(value)
    }
  }
}

extension ShellHost: TerminalSized {
  var columns: Int { terminal.width() }
}
