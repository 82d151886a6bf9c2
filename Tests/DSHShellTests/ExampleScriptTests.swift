import DSHLanguage
import DSHShell
import DocSpaceAPI
import Foundation
import Testing

/// The procedures in `examples/`, run as their header comments say, against the simulator.
@Suite struct ExampleScriptTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples").standardized

  func run(_ name: String, as email: String, arguments: [String] = []) async throws -> (TestShell, Session.Outcome) {
    let shell = try await TestShell.start(as: email, arguments: arguments)
    let outcome = await shell.session.runFile(Self.directory.appendingPathComponent(name).path)
    return (shell, outcome)
  }

  @Test func everyExampleHasAHeaderSayingWhatItIsFor() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".dsh") }
    #expect(files.count >= 4)
    for file in files {
      let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
      let lines = text.split(separator: "\n")
      #expect(lines.first == "#!/usr/bin/env dsh", "\(file)")
      #expect(lines.dropFirst().first?.hasPrefix("# ") == true, "\(file)")
    }
  }

  @Test func offboardingEndsEverySessionOfTheUser() async throws {
    let shell = try await TestShell.start(as: "admin@example.com", arguments: ["user@example.com"])
    let user = try await shell.client(as: "user@example.com")
    let outcome = await shell.session.runFile(Self.directory.appendingPathComponent("offboard-user.dsh").path)
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout.contains("offboarding Uma User <user@example.com> (User)"))
    #expect(shell.capture.stdout.contains("all sessions of user@example.com: closed"))
    await #expect(throws: APIError.self) { _ = try await user.activeConnections() }
    await user.shutdown()
    await shell.stop()
  }

  @Test func offboardingWithoutAnEmailPrintsUsage() async throws {
    let (shell, outcome) = try await run("offboard-user.dsh", as: "admin@example.com")
    #expect(outcome.code == 2)
    #expect(shell.capture.stderr.contains("missing argument EMAIL"))
    #expect(shell.capture.stderr.contains("usage: dsh"))
    await shell.stop()
  }

  @Test func incidentResponseEndsConnectionsFromTheRange() async throws {
    let (shell, outcome) = try await run(
      "incident-ip-range.dsh", as: "owner@example.com", arguments: ["^203\\.0\\.113\\."])
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout.contains("sign-ins from ^203\\.0\\.113\\."))
    #expect(shell.capture.stdout.contains("closed"))
    let client = try await shell.client(as: "owner@example.com")
    let stillActiveFromRange = try await client.activeConnections().items.filter {
      ($0.ip ?? "").hasPrefix("203.0.113.")
    }
    #expect(stillActiveFromRange.isEmpty)
    await client.shutdown()
    await shell.stop()
  }

  @Test func keepOnlyThisDeviceLeavesOneSession() async throws {
    let (shell, outcome) = try await run("keep-only-this-device.dsh", as: "roomadmin@example.com")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout.contains("ended 3 of 4 sessions"))
    let rows = shell.capture.stdout.split(separator: "\n").filter { $0.hasPrefix("0 ") || $0.hasPrefix("1 ") }
    #expect(rows.count == 1)
    await shell.stop()
  }

  @Test func theWeeklyReportIsCSVOfOldSessionsOnly() async throws {
    let (shell, outcome) = try await run("weekly-old-sessions.dsh", as: "owner@example.com")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let lines = shell.capture.stdout.split(separator: "\n")
    #expect(lines.first == "id,browser,platform,ip,city,country,date")
    let cutoff = Date().addingTimeInterval(-30 * 86_400)
    for line in lines.dropFirst() {
      let date = try #require(DateText.parse(String(line.split(separator: ",").last ?? "")))
      #expect(date < cutoff)
    }
    await shell.stop()
  }
}
