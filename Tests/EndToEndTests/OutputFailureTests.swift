import Foundation
import TestProcesses
import Testing

/// Output that cannot be written is a failure: dsh says so and exits 1, instead of
/// reporting success (a full disk) or dying silently mid-run (a closed pipe).
@Suite struct OutputFailureTests {
  struct Ended {
    var code: Int32
    var stderr: String
  }

  func run(_ arguments: [String], stdout: FileHandle) async throws -> Ended {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        do {
          let child = try ChildProcess(
            Binaries.dsh, arguments, environment: Binaries.childEnvironment(adding: [:]), stdin: .nullDevice,
            stdout: .descriptor(stdout.fileDescriptor))
          let text = String(decoding: child.standardError?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
          let ending = child.waitUntilExit()
          continuation.resume(returning: Ended(code: ending.status, stderr: text))
        } catch {
          continuation.resume(throwing: error)
        }
      }
    }
  }

  @Test func aFullDiskOnStandardOutputExitsOneAndSaysSo() async throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let ended = try await run(["-c", "print 1"], stdout: full)
    #expect(ended.code == 1)
    #expect(ended.stderr.contains("cannot write to standard output: No space left on device"))
  }

  @Test func aClosedPipeOnStandardOutputDoesNotKillDsh() async throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let ended = try await run(["-c", "print 1; print 2"], stdout: pipe.fileHandleForWriting)
    #expect(ended.code == 1, "killed by a signal instead: \(ended.code)")
    #expect(ended.stderr.contains("Broken pipe"))
  }
}
