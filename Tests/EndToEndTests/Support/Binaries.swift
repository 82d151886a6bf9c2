import Foundation

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

  /// One launch at a time.
  ///
  /// Foundation's `Process.run()` walks the test process's open descriptors (/proc/self/fd)
  /// to close them in the child; launches at once, with over a thousand descriptors open,
  /// crashed it in CI (a memmove inside `Process.run`).
  private static let launch = NSLock()

  /// Runs `start` (a `Process.run()`) while no other launch of these helpers runs.
  static func launching(_ start: () throws -> Void) rethrows {
    launch.lock()
    defer { launch.unlock() }
    try start()
  }

  /// Runs a binary to completion with the given environment additions and stdin.
  static func runBlocking(
    _ path: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = childEnvironment(adding: environment)
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try launching { try process.run() }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// A `dsh-sim` process on a free port, stopped when the test ends.
final class SimulatorProcess {
  let process = Process()
  let url: String

  init(_ arguments: [String] = []) throws {
    process.executableURL = URL(fileURLWithPath: Binaries.dshSim)
    process.arguments = ["--port", "0"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    let process = self.process
    try Binaries.launching { try process.run() }
    var line = Data()
    while true {
      let byte = out.fileHandleForReading.readData(ofLength: 1)
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

  deinit {
    process.terminate()
    process.waitUntilExit()
  }
}
