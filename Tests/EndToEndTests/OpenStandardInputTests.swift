import Foundation
import Testing

/// `open -` in the real binary: data piped into `dsh -c`, parsed as asked, and Ctrl-C while
/// it waits on a pipe that stays open.
@Suite struct OpenStandardInputTests {
  @Test func csvFromAPipe() async throws {
    let result = try await Binaries.run(
      Binaries.dsh, ["-c", "open - --csv | get n | to json --compact"], stdin: "n\r\n1\r\n\"2\"\r\n")
    #expect(result.stdout == "[\"1\",\"2\"]\n", "stderr: \(result.stderr)")
    #expect(result.code == 0)
  }

  @Test func jsonFromAPipe() async throws {
    let result = try await Binaries.run(Binaries.dsh, ["-c", "open - --json | get a"], stdin: "{\"a\": 7}")
    #expect(result.stdout == "7\n", "stderr: \(result.stderr)")
  }

  @Test func textByDefault() async throws {
    let result = try await Binaries.run(Binaries.dsh, ["-c", "open - | lines | length"], stdin: "a\nb\nc\n")
    #expect(result.stdout == "3\n", "stderr: \(result.stderr)")
  }

  @Test func aProgramReadFromStandardInputCannotOpenIt() async throws {
    let result = try await Binaries.run(Binaries.dsh, ["-"], stdin: "open - | length\n")
    #expect(result.stderr.contains("standard input holds this program, not data"), "stderr: \(result.stderr)")
    #expect(result.code == 1)
  }

  @Test func badJSONOnStandardInputSaysWhere() async throws {
    let result = try await Binaries.run(Binaries.dsh, ["-c", "open - --json"], stdin: "[1,\n 2,,]")
    #expect(result.stderr.contains("<stdin>:2:4: invalid JSON"), "stderr: \(result.stderr)")
    #expect(result.code == 1)
  }

  @Test(.timeLimit(.minutes(1)))
  func ctrlCStopsTheWaitForInput() async throws {
    let dsh = try BackgroundProcess(
      Binaries.dsh, ["-c", "print \"reading\"; open -"], environment: [:], keepingInputOpen: true)
    for _ in 0..<2000 where !dsh.outputText.contains("reading") { try await Task.sleep(for: .milliseconds(10)) }
    #expect(dsh.outputText == "reading\n")
    dsh.send(SIGINT)
    let ending = try await dsh.finish(within: 20)
    #expect(ending == .exit(130), "\(ending); stderr: \(dsh.errorText)")
  }
}
