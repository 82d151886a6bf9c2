import Foundation
import Testing

/// examples/systemd: the service runs a script that exists beside it, with --profile, and
/// the timer starts that service daily.
@Suite struct SchedulingExampleTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples/systemd")

  func unit(_ name: String) throws -> [String] {
    try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(
      String.init)
  }

  /// The example script the service's ExecStart runs (by file name, beside the units).
  func scheduledScript() throws -> String {
    let execStart = try #require(try unit("dsh-procedure.service").first { $0.hasPrefix("ExecStart=") })
    let words = execStart.dropFirst("ExecStart=".count).split(separator: " ").map(String.init)
    #expect(words.first?.hasSuffix("/dsh") == true, "\(execStart)")
    #expect(words.contains("--profile"), "\(execStart)")
    let script = try #require(words.last)
    return Self.directory.appendingPathComponent(URL(fileURLWithPath: script).lastPathComponent).path
  }

  @Test func theServiceRunsAnExampleScriptThatPassesCheck() async throws {
    let script = try scheduledScript()
    #expect(FileManager.default.fileExists(atPath: script), "\(script)")
    let result = try await Binaries.run(Binaries.dsh, ["check", script])
    #expect(result.code == 0, "\(result.stderr)")
  }

  @Test func theScheduledScriptRunsOnTheDemoPortal() async throws {
    let result = try await Binaries.run(Binaries.dsh, ["--demo", try scheduledScript()])
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.contains("sign-ins by"), "\(result.stdout)")
  }

  @Test func theTimerStartsTheServiceDaily() throws {
    let timer = try unit("dsh-procedure.timer")
    #expect(timer.contains("OnCalendar=daily"))
    #expect(timer.contains("Unit=dsh-procedure.service"))
    #expect(timer.contains("WantedBy=timers.target"))
  }
}
