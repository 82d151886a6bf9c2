import Foundation
import TestProcesses

/// A program running beside the test: it can be signalled, waited for with a bound, and read while
/// it runs.
///
/// Killed (SIGKILL) and reaped if still running when released.
final class BackgroundProcess {
  private let child: ChildProcess
  private let standardOutput = OutputBuffer()
  private let standardError = OutputBuffer()
  private var openInput: FileHandle?

  typealias Ending = ChildProcess.Ending

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
    child = try ChildProcess(path, arguments, environment: Binaries.childEnvironment(adding: environment))
    if let output = child.standardOutput { standardOutput.drain(output) }
    if let error = child.standardError { standardError.drain(error) }
    if let input = child.standardInput {
      if let stdin { input.write(Data(stdin.utf8)) }
      if keepingInputOpen {
        openInput = input
      } else {
        try input.close()
      }
    }
  }

  var pid: Int32 { child.pid }
  var isRunning: Bool { child.isRunning }
  /// What it has written to stderr so far.
  var errorText: String { standardError.text }
  var outputText: String { standardOutput.text }

  func send(_ signal: Int32) { child.send(signal) }

  /// Waits up to `seconds` for the process to end and close its output; if it does not,
  /// kills it and throws.
  func finish(within seconds: Double) async throws -> Ending {
    let deadline = Date().addingTimeInterval(seconds)
    while child.isRunning || !standardOutput.isClosed || !standardError.isClosed {
      guard Date() < deadline else {
        child.send(SIGKILL)
        throw Hung(description: "still running after \(seconds)s; stderr: \(errorText.suffix(2000))")
      }
      try await Task.sleep(for: .milliseconds(10))
    }
    return child.ended ?? Ending(status: -1, bySignal: false)
  }
}
