import Foundation
import TestProcesses
import Testing

/// The tests' own way of starting programs: what a child gets and how its ending is read.
@Suite struct ChildProcessTests {
  let environment = ProcessInfo.processInfo.environment

  @Test func anExitStatusComesBack() throws {
    let child = try ChildProcess("/bin/sh", ["-c", "exit 7"], environment: environment, stdin: .nullDevice)
    #expect(child.waitUntilExit() == .exit(7))
  }

  @Test func aSignalEndingSaysWhichSignal() throws {
    let child = try ChildProcess("/bin/sh", ["-c", "kill -TERM $$"], environment: environment, stdin: .nullDevice)
    #expect(child.waitUntilExit() == ChildProcess.Ending(status: SIGTERM, bySignal: true))
  }

  @Test func standardInputReachesTheChildAndItsOutputComesBack() throws {
    let child = try ChildProcess("/bin/cat", [], environment: environment)
    child.standardInput?.write(Data("hello\n".utf8))
    try child.standardInput?.close()
    let output = child.standardOutput?.readDataToEndOfFile() ?? Data()
    #expect(String(decoding: output, as: UTF8.self) == "hello\n")
    #expect(child.waitUntilExit() == .exit(0))
  }

  @Test func standardErrorCanJoinStandardOutput() throws {
    let child = try ChildProcess(
      "/bin/sh", ["-c", "echo out; echo err >&2"], environment: environment, stdin: .nullDevice,
      stderr: .standardOutput)
    let output = child.standardOutput?.readDataToEndOfFile() ?? Data()
    #expect(String(decoding: output, as: UTF8.self) == "out\nerr\n")
    #expect(child.standardError == nil)
  }

  @Test func aChildGetsNoDescriptorOfTheTestsButItsThreeStreams() throws {
    // Another child's pipes are open in this process while this one starts.
    let other = try ChildProcess("/bin/cat", [], environment: environment)
    let child = try ChildProcess("/bin/ls", ["/proc/self/fd"], environment: environment, stdin: .nullDevice)
    let output = String(decoding: child.standardOutput?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
    // ls's own directory descriptor is the one more besides 0, 1 and 2.
    let descriptors = output.split(separator: "\n").compactMap { Int($0) }.filter { $0 > 2 }
    #expect(descriptors.count <= 1, "the child inherited \(descriptors)")
    try other.standardInput?.close()
    #expect(other.waitUntilExit() == .exit(0))
  }

  @Test func startingAMissingProgramThrows() {
    #expect(throws: ChildProcess.SpawnError.self) {
      try ChildProcess("/nonexistent/program", [], environment: environment)
    }
  }
}
