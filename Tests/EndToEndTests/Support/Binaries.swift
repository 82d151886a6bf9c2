import Foundation
import TestProcesses

/// The built `dsh` and `dsh-sim` executables, found beside the test bundle.
enum Binaries {
  static var directory: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  }

  static var dsh: String { path("dsh") }
  static var dshSim: String { path("dsh-sim") }

  private static func path(_ name: String) -> String {
    var candidate = directory
    for _ in 0..<4 {
      let file = candidate.appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: file) { return file }
      candidate = candidate.deletingLastPathComponent()
    }
    return directory.appendingPathComponent(name).path
  }

  /// The test's environment without DOCSPACE_* and colour, plus `additions`: what every
  /// child process of the tests starts with.
  static func childEnvironment(adding additions: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DOCSPACE_") }
    environment["NO_COLOR"] = "1"
    for (key, value) in additions { environment[key] = value }
    return environment
  }

  struct Result: Sendable {
    var code: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs a binary to completion on a thread of its own, so that waiting for it never
  /// holds one of the few threads every async test shares (on 2 cores a blocked pool
  /// starves other tests' deadlines).
  static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil)
    async throws -> Result
  {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(
          with: Swift.Result { try runBlocking(path, arguments, environment: environment, stdin: stdin) })
      }
    }
  }

  /// Runs a binary to completion with the given environment additions and stdin.
  static func runBlocking(
    _ path: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil
  ) throws -> Result {
    let child = try ChildProcess(path, arguments, environment: childEnvironment(adding: environment))
    let errors = OutputBuffer()
    if let error = child.standardError { errors.drain(error) }
    if let input = child.standardInput {
      if let stdin { input.write(Data(stdin.utf8)) }
      try input.close()
    }
    let output = child.standardOutput?.readDataToEndOfFile() ?? Data()
    let ending = child.waitUntilExit()
    return Result(
      code: ending.status, stdout: String(decoding: output, as: UTF8.self),
      stderr: errors.waitForEnd())
  }
}

/// A `dsh-sim` process on a free port, stopped when the test ends.
final class SimulatorProcess {
  let child: ChildProcess
  let url: String

  init(_ arguments: [String] = []) throws {
    child = try ChildProcess(
      Binaries.dshSim, ["--port", "0"] + arguments, environment: Binaries.childEnvironment(adding: [:]),
      stdin: .nullDevice, stderr: .nullDevice)
    var line = Data()
    while let output = child.standardOutput {
      let byte = output.readData(ofLength: 1)
      if byte.isEmpty || byte == Data("\n".utf8) { break }
      line.append(byte)
    }
    let text = String(decoding: line, as: UTF8.self)
    guard text.hasPrefix("dsh-sim listening on ") else { throw StartError(line: text) }
    url = String(text.dropFirst("dsh-sim listening on ".count))
  }

  struct StartError: Error {
    var line: String
  }

  /// The simulator's process id (to pause it with SIGSTOP).
  var pid: Int32 { child.pid }

  deinit {
    child.send(SIGTERM)
    _ = child.waitUntilExit()
  }
}
