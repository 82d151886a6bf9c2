import Foundation

/// A program running beside the test: it can be signalled, waited for with a bound, and read while
/// it runs.
///
/// Killed (SIGKILL) and reaped if still running when released.
final class BackgroundProcess {
  private let process = Process()
  private let standardOutput = OutputBuffer()
  private let standardError = OutputBuffer()
  private var openInput: Pipe?

  /// How the process ended: an exit status, or the signal that killed it.
  struct Ending: Equatable, CustomStringConvertible {
    var status: Int32
    var bySignal: Bool

    var description: String { bySignal ? "killed by signal \(status)" : "exit \(status)" }

    static func exit(_ status: Int32) -> Ending { Ending(status: status, bySignal: false) }
  }

  struct Hung: Error, CustomStringConvertible {
    var description: String
  }

  /// Starts `path` with `environment` added to the test's (DOCSPACE_* and colour removed
  /// first); `stdin` is written and closed at once (nil: closed empty), unless
  /// `keepingInputOpen`, when it stays open until the process is released.
  init(
    _ path: String, _ arguments: [String], environment: [String: String], stdin: String? = nil,
    keepingInputOpen: Bool = false
  ) throws {
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = Binaries.childEnvironment(adding: environment)
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try Self.launch(process)
    standardOutput.drain(out.fileHandleForReading)
    standardError.drain(err.fileHandleForReading)
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    if keepingInputOpen {
      openInput = input
    } else {
      try input.fileHandleForWriting.close()
    }
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// Starts `process` from this thread with an empty signal mask: the child inherits the
  /// mask, and the test runner's threads block SIGINT, SIGTERM and SIGHUP.
  private static func launch(_ process: Process) throws {
    var empty = sigset_t()
    var saved = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, &saved)
    defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
    try Binaries.launching { try process.run() }
  }

  var pid: Int32 { process.processIdentifier }
  var isRunning: Bool { process.isRunning }
  /// What it has written to stderr so far.
  var errorText: String { standardError.text }
  var outputText: String { standardOutput.text }

  func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

  /// Waits up to `seconds` for the process to end and close its output; if it does not,
  /// kills it and throws.
  func finish(within seconds: Double) async throws -> Ending {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning || !standardOutput.isClosed || !standardError.isClosed {
      guard Date() < deadline else {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw Hung(description: "still running after \(seconds)s; stderr: \(errorText.suffix(2000))")
      }
      try await Task.sleep(for: .milliseconds(10))
    }
    process.waitUntilExit()
    return Ending(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal)
  }
}

/// Everything read from one pipe, collected on a thread of its own so the writer never
/// blocks and the test can look at it while the program runs.
private final class OutputBuffer: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private var closed = false

  func drain(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.withLock { data.append(chunk) }
      }
      lock.withLock { closed = true }
    }
  }

  var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
  var isClosed: Bool { lock.withLock { closed } }
}
