import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

/// The procedures of issue #13 (`examples/offboard-list.dsh`, `geo-fence.dsh`,
/// `watch-new-signins.dsh`), run with their parameters against the simulator; what they
/// did is checked against the simulator's own state.
@Suite struct ProcedureExampleTests {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples").standardized

  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-procedures-\(UUID())")

  init() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func file(_ name: String, _ text: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  func example(_ name: String) -> String { Self.examples.appendingPathComponent(name).path }

  @Test func offboardListEndsTheListedUsersSessionsAndReportsEachAsCSV() async throws {
    let list = try file("leavers.txt", "user@example.com\r\n\n# left in May\nguest@example.com\nnobody@example.com\n")
    let report = directory.appendingPathComponent("report.csv").path
    let shell = try await TestShell.start(as: "admin@example.com")
    let user = try await shell.client(as: "user@example.com")
    let outcome = await shell.session.runFile(example("offboard-list.dsh"), arguments: [list, "--report", report])
    #expect(outcome.code == 3, "one listed user does not exist: stderr \(shell.capture.stderr)")
    let csv = try String(contentsOfFile: report, encoding: .utf8)
    #expect(csv.hasPrefix("target,outcome,error\nuser@example.com,closed,\nguest@example.com,closed,\n"))
    #expect(csv.contains("nobody@example.com,failed,not found"))
    #expect(shell.capture.stdout.contains("offboarded 2 of 3 users"))
    await #expect(throws: APIError.self) { _ = try await user.activeConnections() }
    let mode = try FileManager.default.attributesOfItem(atPath: report)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    await user.shutdown()
    await shell.stop()
  }

  @Test func offboardListRefusesToOverwriteAnEarlierReportBeforeEndingAnything() async throws {
    let list = try file("leavers.txt", "user@example.com\n")
    let report = try file("report.csv", "an earlier report\n")
    let shell = try await TestShell.start(as: "admin@example.com")
    let outcome = await shell.session.runFile(example("offboard-list.dsh"), arguments: [list, "--report", report])
    #expect(outcome.code == 1)
    #expect(try String(contentsOfFile: report, encoding: .utf8) == "an earlier report\n")
    #expect(shell.capture.stderr.contains("--force"))
    await shell.stop()
  }

  @Test func offboardListWithoutAFileIsAUsageErrorThatSendsNothing() async throws {
    let shell = try await TestShell.start(as: "admin@example.com")
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.session.runFile(example("offboard-list.dsh"), arguments: [])
    #expect(outcome.code == 2)
    #expect(shell.capture.stderr.contains("missing argument FILE"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }

  @Test func geoFenceEndsEveryRecentConnectionFromAnotherCountryAndNoOther() async throws {
    let allowed = try file("allowed.csv", "country,note\nGermany,HQ\n\"Latvia\",\"Riga office, 2nd floor\"\n")
    let shell = try await TestShell.start(as: "owner@example.com")
    let observer = try await shell.client(as: "admin@example.com")
    let cutoff = Date().addingTimeInterval(-30 * 86_400)
    let events =
      try await observer.loginEvents(startIndex: 0, count: 100)
      + (try await observer.loginEvents(startIndex: 100, count: 100))
    let recentSignIns = events.filter { $0.date >= cutoff && [1000, 1010].contains($0.actionId) }
    let wasOpen = Dictionary(
      uniqueKeysWithValues: await shell.simulator.loginHistory().map { ($0.id, $0.isOpenConnection) })

    let outcome = await shell.session.runFile(example("geo-fence.dsh"), arguments: [allowed, "--since", "30d"])
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let isOpen = Dictionary(
      uniqueKeysWithValues: await shell.simulator.loginHistory().map { ($0.id, $0.isOpenConnection) })
    let outside = recentSignIns.filter { !["Germany", "Latvia"].contains($0.country ?? "") }
    #expect(!outside.isEmpty, "the fixture has sign-ins from elsewhere")
    let stillOpenOutside = outside.filter { isOpen[$0.id] == true }
    #expect(stillOpenOutside.count <= 1, "only the shell's own connection may stay: \(stillOpenOutside.map(\.id))")
    for event in recentSignIns where ["Germany", "Latvia"].contains(event.country ?? "") {
      #expect(isOpen[event.id] == wasOpen[event.id], "sign-in \(event.id) from an allowed country was left alone")
    }
    #expect(shell.capture.stdout.contains("came from outside Germany, Latvia"))
    await observer.shutdown()
    await shell.stop()
  }

  @Test(.timeLimit(.minutes(2)))
  func watchPrintsASignInMadeWhileItWaitsOnceAndCtrlCStopsIt() async throws {
    let shell = try await TestShell.start(as: "owner@example.com")
    let session = shell.session
    let path = example("watch-new-signins.dsh")
    let watching = Task { await session.runFile(path, arguments: ["--every", "100ms"]) }
    try await Self.waitFor(shell) { $0.contains("watching sign-ins since") }
    let newcomer = try await shell.client(as: "guest@example.com")
    try await Self.waitFor(shell) { $0.contains("Gus Guest") }
    // Two more rounds, so that a repeat would have shown.
    let rounds = await shell.simulator.receivedRequests().count
    while await shell.simulator.receivedRequests().count < rounds + 2 { try await Task.sleep(for: .milliseconds(20)) }
    watching.cancel()
    let outcome = await watching.value
    #expect(outcome.code == 130, "Ctrl-C (a cancelled task) ends the wait: stderr \(shell.capture.stderr)")
    let printed = shell.capture.stdout.split(separator: "\n").filter { $0.contains("Gus Guest") }
    #expect(printed.count == 1, "printed once, not once per round: \(printed)")
    await newcomer.shutdown()
    await shell.stop()
  }

  @Test(.timeLimit(.minutes(1)))
  func watchStopsAfterItsRounds() async throws {
    let shell = try await TestShell.start(as: "owner@example.com")
    let outcome = await shell.session.runFile(
      example("watch-new-signins.dsh"), arguments: ["--every", "10ms", "--times", "3"])
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    await shell.stop()
  }

  /// Polls the captured output until `condition` holds or the script reported an error.
  static func waitFor(_ shell: TestShell, _ condition: (String) -> Bool) async throws {
    while !condition(shell.capture.stdout) {
      if shell.capture.stderr.contains("error[") { throw CancellationError() }
      try await Task.sleep(for: .milliseconds(20))
    }
  }
}
