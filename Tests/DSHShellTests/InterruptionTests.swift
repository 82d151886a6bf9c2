import DSHShell
import DocSpaceSimulator
import Foundation
import Testing

/// The first interrupt of a bulk run stops it from starting requests, but lets those in
/// flight finish and reports them as the portal answered; the rest are `skipped`.
@Suite struct InterruptionTests {
  @Test(.timeLimit(.minutes(1)))
  func theFirstInterruptLetsRequestsInFlightFinishAndSkipsTheRest() async throws {
    var options = SimulatorOptions()
    options.sessionsPerUser = 40
    options.latencyMilliseconds = 400
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-int-\(UUID().uuidString)").path
    let shell = try await TestShell.start(options: options, environment: ["XDG_STATE_HOME": state])
    let run = Task { await shell.run("sessions | where not current | revoke --yes") }
    var sent = 0
    for _ in 0..<3000 where sent < 8 {
      sent = await shell.simulator.receivedRequests().filter { $0.hasPrefix("PUT") }.count
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(sent >= 8, "the run never had 8 requests in flight")
    shell.session.portal.interruption.raise(signal: SIGINT, terminates: false)
    run.cancel()
    let outcome = await run.value
    #expect(outcome.code == 130)
    let puts = await shell.simulator.receivedRequests().filter { $0.hasPrefix("PUT") }.count
    #expect(shell.capture.stderr.contains("revoke: \(puts) closed, \(40 - puts) skipped (40 targets) — interrupted"))
    await shell.stop()
  }
}
