import Foundation
import Testing

/// `dsh --profile a,b FILE` stopped by a signal while profile a's bulk revoke runs: the real
/// binary and two simulators.
///
/// Profile b signs in with a password, so the first request dsh would send its portal adds a
/// connection there, which the test reads with a credential of its own.
@Suite(.serialized, .timeLimit(.minutes(2))) struct MultiProfileInterruptTests {
  /// Portal a's world (bulk targets, journal, state directory), portal b, and a config whose
  /// profile a holds a token of portal a and whose profile b signs in to portal b as its owner.
  struct TwoPortals {
    let first: BulkPortal
    let second: SimulatorProcess
    let home: String

    init() async throws {
      first = try await BulkPortal(sessions: 400, latency: 50)
      second = try SimulatorProcess()
      home = try MultiProfileRunTests.config([("a", first.simulator.url, first.token)])
      let config = URL(fileURLWithPath: home).appendingPathComponent("dsh/config")
      let section = "[b]\nportal = \(second.url)\nuser = \(BulkPortal.ownerEmail)\n"
      try (try String(contentsOf: config, encoding: .utf8) + section).write(
        to: config, atomically: true, encoding: .utf8)
    }

    var environment: [String: String] {
      [
        "XDG_CONFIG_HOME": home, "XDG_STATE_HOME": first.state.path, "HOME": first.state.path,
        "DOCSPACE_PASSWORD": "demo-password",
      ]
    }

    /// The owner's active connections on portal b, read with the password (which adds none).
    func secondConnections() async throws -> Set<Int> {
      try await PortalProbe(url: second.url).connections(first.observer).ids
    }

    /// Starts `dsh --profile a,b FILE` on `program`.
    func start(_ program: String) throws -> BackgroundProcess {
      let script = first.state.appendingPathComponent("multi-\(UUID().uuidString.prefix(8)).dsh")
      try program.write(to: script, atomically: true, encoding: .utf8)
      return try BackgroundProcess(Binaries.dsh, ["--profile", "a,b", script.path], environment: environment)
    }
  }

  @Test func aPasswordProfileLaterInTheSequenceSignsInToItsPortal() async throws {
    let portals = try await TwoPortals()
    let before = try await portals.secondConnections()
    let dsh = try portals.start("print done\n")
    let ending = try await dsh.finish(within: 30)
    #expect(ending == .exit(0), "\(ending); stderr: \(dsh.errorText)")
    #expect(dsh.outputText == "done\ndone\n", "\(dsh.errorText)")
    #expect(MultiProfileRunTests.summaryLine(dsh.errorText, "b")?.hasSuffix("ok") == true, "\(dsh.errorText)")
    let after = try await portals.secondConnections()
    #expect(after.isSuperset(of: before) && after.count == before.count + 1, "before \(before), after \(after)")
  }

  @Test(arguments: BulkSafetyTests.Stop.allCases)
  func aSignalDuringOneProfileEndsTheSequenceWithItsStatus(_ stop: BulkSafetyTests.Stop) async throws {
    let portals = try await TwoPortals()
    let before = try await portals.secondConnections()
    let dsh = try portals.start(BulkSafetyTests.pacedRevokeOthers)
    let reached = try await portals.first.waitForProgress(100) { dsh.isRunning }
    #expect(reached, "the run never got 100 targets in; stderr: \(dsh.errorText.suffix(500))")
    dsh.send(stop.signal)
    let ending = try await dsh.finish(within: 30)
    let stderr = dsh.errorText
    #expect(ending == .exit(stop.status), "\(stop): \(ending); stderr: \(stderr.suffix(800))")
    #expect(BulkSummary.last(in: stderr)?.interrupted == true, "no interrupted revoke: \(stderr.suffix(800))")

    let first = try #require(MultiProfileRunTests.summaryLine(stderr, "a"), "\(stderr.suffix(800))")
    #expect(first.contains("exit \(stop.status)") && first.hasSuffix("interrupted"), "\(first)")
    let second = try #require(MultiProfileRunTests.summaryLine(stderr, "b"), "\(stderr.suffix(800))")
    #expect(second.contains(portals.second.url) && !second.contains("exit") && second.hasSuffix("skipped"), "\(second)")
    #expect(!stderr.contains("dsh: profile b "), "profile b was started: \(stderr.suffix(800))")
    #expect(try await portals.secondConnections() == before, "portal b was signed in to or revoked on")
  }
}
