import Foundation
import Testing

/// Issue 11 end to end: bulk revokes by the built `dsh` against a real `dsh-sim`, stopped by kill
/// -9, by signals, by Ctrl-C, by a paused portal and by its rate limiter.
///
/// Every claim in the journal or a report is held against the portal's own answer, read with
/// another credential.
@Suite(.serialized, .timeLimit(.minutes(2))) struct BulkSafetyTests {
  static let revokeOthers = "sessions | where not current | revoke --yes"
  /// The same at a fixed 4 in flight: adaptive concurrency would reach 64 and finish before a
  /// loaded machine's poll sees the run mid-way, and these tests stop it mid-way.
  static let pacedRevokeOthers = "set concurrency 4; " + revokeOthers

  /// A signal that stops a script, and the exit status it must end with.
  enum Stop: String, CaseIterable, Sendable, CustomStringConvertible {
    case interrupt
    case terminate
    case hangUp

    var signal: Int32 {
      switch self {
      case .interrupt: return SIGINT
      case .terminate: return SIGTERM
      case .hangUp: return SIGHUP
      }
    }

    var status: Int32 { 128 + signal }
    var description: String { rawValue }
  }

  @Test func killNineMidRunLeavesEveryEndedSessionJournaledAndTheJournalReadable() async throws {
    // Slow enough (about 38 s for the run) that a loaded machine still sees it mid-way.
    let portal = try await BulkPortal(sessions: 1000, latency: 150)
    let dsh = try portal.start(Self.pacedRevokeOthers)
    let reached = try await portal.waitForProgress(100) { dsh.isRunning }
    dsh.send(SIGKILL)
    _ = try await dsh.finish(within: 10)
    #expect(reached, "the run never got 100 targets in; stderr: \(dsh.errorText.suffix(500))")

    let journal = portal.journal
    let ended = try await portal.endedTargets()
    #expect(journal.intents.count >= 100, "\(ended.count) sessions ended, \(journal.intents.count) intents journaled")
    expectEndedAreJournaled(ended, in: journal, answered: false)
    expectClosedAreGone(journal, active: try await portal.activeTargets())

    // The reader must survive a torn last line: make sure there is one.
    if journal.isEmpty || journal.text.hasSuffix("\n") { try await appendTornLine(portal) }
    let runs = try await portal.run(["-c", "journal | to json"])
    #expect(runs.ending == .exit(0), "journal on a torn file: \(runs.ending); stderr: \(runs.stderr)")
    #expect(ResultRecords.parse(runs.stdout) != nil, "journal | to json printed no JSON: \(runs.stdout.prefix(300))")
    #expect(!runs.stderr.isEmpty, "the torn line was not reported on stderr")

    let unfinished = try await portal.run(["-c", "journal --unfinished | to json"])
    #expect(unfinished.ending == .exit(0), "journal --unfinished: \(unfinished.ending); \(unfinished.stderr)")
    let listed = (ResultRecords.parse(unfinished.stdout) ?? []).compactMap { JournalFile.Target($0["id"]) }
    #expect(Set(listed) == journal.unfinished, "listed \(listed.count), journal has \(journal.unfinished.count)")
    #expect(listed.count == Set(listed).count, "a target listed twice")
  }

  @Test(arguments: Stop.allCases)
  func aSignalStopsAScriptFinishesTheJournalAndExitsWithItsStatus(_ stop: Stop) async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let dsh = try portal.start(Self.pacedRevokeOthers, mode: .file)
    try await stopMidRun(dsh, portal, with: stop.signal)
    let ending = try await dsh.finish(within: 30)
    #expect(ending == .exit(stop.status), "\(stop): \(ending); stderr: \(dsh.errorText.suffix(500))")
    try await expectCleanInterruption(portal, screen: dsh.errorText)
  }

  @Test(arguments: [ProgramMode.commandLine, .standardInput])
  func sigintStopsACommandLineOrStdinProgramCleanly(_ mode: ProgramMode) async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let dsh = try portal.start(Self.pacedRevokeOthers, mode: mode)
    try await stopMidRun(dsh, portal, with: SIGINT)
    let ending = try await dsh.finish(within: 30)
    #expect(ending == .exit(130), "\(mode): \(ending); stderr: \(dsh.errorText.suffix(500))")
    try await expectCleanInterruption(portal, screen: dsh.errorText)
  }

  @Test func ctrlCInTheReplStopsTheBulkRunAndKeepsTheShell() async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let terminal = try await startRepl(portal)
    try terminal.type(Self.pacedRevokeOthers)
    try terminal.press("Enter")
    #expect(try await portal.waitForProgress(100) { terminal.exitCode == nil })
    try terminal.press("C-c")
    #expect(
      await terminal.waitFor { _ in BulkSummary.last(in: terminal.history)?.interrupted == true },
      "no interrupted summary: \(terminal.screen)")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.trimmingCharacters(in: .whitespaces).hasSuffix(">") })
    try terminal.type("print 5150")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("\n5150") }, "the shell did not survive: \(terminal.screen)")
    #expect(terminal.exitCode == nil)
    try await expectCleanInterruption(portal, screen: terminal.history)
  }

  @Test func sigtermToTheReplMidRunExits143WithTheJournalFinished() async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let terminal = try await startRepl(portal)
    try terminal.type(Self.pacedRevokeOthers)
    try terminal.press("Enter")
    #expect(try await portal.waitForProgress(100) { terminal.exitCode == nil })
    let pid = try #require(terminal.programPid)
    kill(pid, SIGTERM)
    #expect(await terminal.waitFor { _ in terminal.exitCode != nil })
    #expect(terminal.exitCode == 143, "\(terminal.screen)")
    try await expectCleanInterruption(portal, screen: terminal.history)
  }

  @Test func afterCtrlCEveryJournaledTargetIsAGivenConnectionId() async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let terminal = try await startRepl(portal)
    try terminal.type(Self.pacedRevokeOthers)
    try terminal.press("Enter")
    #expect(try await portal.waitForProgress(100) { terminal.exitCode == nil })
    try terminal.press("C-c")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.trimmingCharacters(in: .whitespaces).hasSuffix(">") })
    #expect(await terminal.waitFor { _ in BulkSummary.last(in: terminal.history) != nil }, "\(terminal.screen)")

    let journal = portal.journal
    let given = Set(portal.targets.map(JournalFile.Target.id))
    let targets = journal.values(of: "target").compactMap(JournalFile.Target.init)
    #expect(!targets.isEmpty, "nothing journaled")
    let strangers = targets.filter { !given.contains($0) }
    expectNone(strangers, "journaled targets were never given")
    let labels = journal.values(of: "label").map { "\($0)" }
    let badLabels = labels.filter { Int($0).map { !portal.targets.contains($0) } ?? true }
    expectNone(badLabels, "labels are not given ids")
  }

  @Test func afterSigintEveryReportedTargetIsAGivenConnectionId() async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let dsh = try portal.start(Self.pacedRevokeOthers, mode: .commandLine, options: ["--output", "json"])
    try await stopMidRun(dsh, portal, with: SIGINT)
    _ = try await dsh.finish(within: 30)
    let records = ResultRecords.parse(dsh.outputText) ?? []
    #expect(records.count == portal.targets.count, "\(records.count) results for \(portal.targets.count) targets")
    let reported = records.map { JournalFile.Target($0["target"]) }
    let given = Set(portal.targets.map(JournalFile.Target.id))
    let strangers = reported.filter { target in target.map { !given.contains($0) } ?? true }
    expectNone(strangers, "reported targets were never given")
    #expect(Set(reported.compactMap { $0 }).count == reported.count, "a target reported twice")
  }

  @Test func revokeUserReportsEachTargetByTheEmailGiven() async throws {
    let portal = try await BulkPortal(sessions: 2, latency: 50, options: ["--users", "150"])
    let people = try await portal.probe.people(portal.observer).filter { $0.email != BulkPortal.ownerEmail }
    let emails = Set(people.map(\.email))
    let ids = Set(people.map(\.id))
    let terminal = try await startRepl(portal)
    try terminal.type("users | where email != \"\(BulkPortal.ownerEmail)\" | get email | revoke-user --yes")
    try terminal.press("Enter")
    let reached = await poll(within: 30) {
      portal.journal.intents.count >= 20 || Self.barCount(terminal.screen) >= 20
    }
    #expect(reached, "the run never got 20 targets in: \(terminal.screen)")
    try terminal.press("C-c")
    #expect(await terminal.waitFor { _ in BulkSummary.last(in: terminal.history) != nil }, "\(terminal.screen)")

    let journal = portal.journal
    let labels = journal.values(of: "label").map { "\($0)" }
    #expect(!labels.isEmpty, "no journaled labels")
    let badLabels = labels.filter { !emails.contains($0) }
    expectNone(badLabels, "labels are not given emails")
    let targets = journal.values(of: "target").compactMap(JournalFile.Target.init)
    let strangers = targets.filter { target in
      guard case .text(let text) = target else { return true }
      return !ids.contains(text) && !emails.contains(text)
    }
    expectNone(strangers, "journaled targets name no given user")
  }

  @Test func aPausedPortalTurnsNoEndedSessionIntoAFailure() async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let dsh = try portal.start("set timeout 3s\n" + Self.pacedRevokeOthers, options: ["--output", "json"])
    let reached = try await portal.waitForProgress(50) { dsh.isRunning }
    #expect(reached, "the run never got 50 targets in")
    let simulator = portal.simulator.pid
    kill(simulator, SIGSTOP)
    // The pause is the fault under test: long enough for every request in flight to time out.
    try? await Task.sleep(for: .seconds(5))
    kill(simulator, SIGCONT)
    let ending = try await dsh.finish(within: 90)
    #expect(!ending.bySignal, "\(ending)")

    let ended = try await portal.endedTargets()
    let results = ResultRecords.parse(dsh.outputText) ?? []
    let reportedFailed = Set(
      results.filter { $0["outcome"] as? String == "failed" }.compactMap { $0["target"] as? Int })
    let journaledFailed = Set(portal.journal.latestState.filter { $0.value == "failed" }.keys)
    let falseFailures = ended.filter { reportedFailed.contains($0) || journaledFailed.contains(.id($0)) }
    expectNone(falseFailures, "sessions the portal ended were reported failed")
    expectEndedAreJournaled(ended, in: portal.journal, answered: true)
  }

  @Test func theRateLimiterAtConcurrency64StillEndsEveryTarget() async throws {
    let portal = try await BulkPortal(
      sessions: 1000, latency: 50, options: ["--rate-limit", "--no-exempt-loopback"])
    let run = try await portal.run(
      ["--output", "json", "-c", "set concurrency 64\n" + Self.revokeOthers], within: 100)
    #expect(run.ending == .exit(0), "\(run.ending); stderr: \(run.stderr.suffix(500))")
    let records = ResultRecords.parse(run.stdout) ?? []
    #expect(records.count == portal.targets.count, "\(records.count) results for \(portal.targets.count) targets")
    let notClosed = records.filter { $0["outcome"] as? String != "closed" }
    expectNone(
      notClosed.map { "\($0["target"] ?? "-"): \($0["outcome"] ?? "-") \($0["status"] ?? "-")" }, "targets not closed")
    #expect(Set(records.compactMap { $0["target"] as? Int }) == portal.targets)
    let journaled = portal.journal.latestState
    #expect(portal.targets.allSatisfy { journaled[.id($0)] == "closed" }, "the journal does not say closed for all")
    let left = try await portal.activeTargets()
    expectNone(left, "targets are still active at the portal")
  }

  @Test func journalUnfinishedAfterAKillSettlesEverySentTarget() async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let dsh = try portal.start(Self.pacedRevokeOthers)
    let reached = try await portal.waitForProgress(100) { dsh.isRunning }
    dsh.send(SIGKILL)
    _ = try await dsh.finish(within: 10)
    #expect(reached)
    let sent = Set(portal.journal.intents.compactMap(\.target))
    #expect(!sent.isEmpty, "nothing journaled before the kill")

    let recovery = try await portal.run(["--output", "json", "-c", "journal --unfinished | revoke --yes"])
    #expect(recovery.ending == .exit(0), "\(recovery.ending); stderr: \(recovery.stderr.suffix(500))")
    let active = try await portal.activeTargets()
    let stillActive = sent.filter { target in
      guard case .id(let id) = target else { return true }
      return active.contains(id)
    }
    expectNone(stillActive, "journaled targets are still active")
    expectNone(portal.journal.unfinished, "targets are still unfinished in the journal")
    try await expectNothingLeftToDo(portal, active: active)
  }

  @Test func journalUnfinishedAfterAnInterruptionFinishesTheJob() async throws {
    let portal = try await BulkPortal(sessions: 400, latency: 50)
    let dsh = try portal.start(Self.pacedRevokeOthers)
    try await stopMidRun(dsh, portal, with: SIGTERM)
    _ = try await dsh.finish(within: 30)
    #expect(!portal.journal.unfinished.isEmpty, "the interrupted run left nothing unfinished")

    let recovery = try await portal.run(["--output", "json", "-c", "journal --unfinished | revoke --yes"])
    #expect(recovery.ending == .exit(0), "\(recovery.ending); stderr: \(recovery.stderr.suffix(500))")
    let active = try await portal.activeTargets()
    expectNone(active, "of the original targets are still active")
    try await expectNothingLeftToDo(portal, active: active)
  }

  // MARK: Steps and checks

  /// A REPL on `portal` in tmux, its state directory the portal's, at its prompt.
  func startRepl(_ portal: BulkPortal) async throws -> Tmux {
    let terminal = try Tmux(command: [Binaries.dsh], environment: portal.connection, stateDirectory: portal.state)
    #expect(await terminal.waitFor { $0.contains("> ") }, "no prompt: \(terminal.screen)")
    return terminal
  }

  /// Sends `signal` once the run has 100 targets in.
  func stopMidRun(_ dsh: BackgroundProcess, _ portal: BulkPortal, with signal: Int32) async throws {
    let reached = try await portal.waitForProgress(100) { dsh.isRunning }
    #expect(reached, "the run never got 100 targets in; stderr: \(dsh.errorText.suffix(500))")
    dsh.send(signal)
  }

  /// The done count of a progress bar `[###   ] 42/154` on the screen, 0 if none.
  static func barCount(_ screen: String) -> Int {
    screen.matches(of: /\] (\d+)\/\d+/).compactMap { Int($0.1) }.max() ?? 0
  }

  /// A clean interruption: an interrupted summary whose numbers add up, a finished
  /// journal (every intent answered, every target with an outcome), and both agree with
  /// the portal.
  func expectCleanInterruption(
    _ portal: BulkPortal, screen: String, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let summary = BulkSummary.last(in: screen)
    #expect(summary != nil, "no summary line in: \(screen.suffix(500))", sourceLocation: sourceLocation)
    if let summary {
      #expect(summary.interrupted, "the summary does not say interrupted", sourceLocation: sourceLocation)
      #expect(
        summary.targets == portal.targets.count, "summary: \(summary.targets) targets", sourceLocation: sourceLocation)
      #expect(summary.total == summary.targets, "summary counts \(summary.counts)", sourceLocation: sourceLocation)
    }
    let journal = portal.journal
    #expect(!journal.intents.isEmpty, "no intents journaled", sourceLocation: sourceLocation)
    let open = journal.intentsWithoutOutcome
    expectNone(open, "intents have no outcome", sourceLocation: sourceLocation)
    #expect(journal.ends.last?.interrupted == true, "no end line saying interrupted", sourceLocation: sourceLocation)
    let state = journal.latestState
    let missing = portal.targets.filter { state[.id($0)] == nil || state[.id($0)] == "intent" }
    expectNone(missing, "targets have no outcome", sourceLocation: sourceLocation)
    if let summary {
      let skipped = state.values.filter { $0 == "skipped" }.count
      #expect(
        summary.counts["skipped", default: 0] == skipped, "summary skipped vs journal \(skipped)",
        sourceLocation: sourceLocation)
    }
    let active = try await portal.activeTargets()
    expectEndedAreJournaled(
      portal.targets.subtracting(active), in: journal, answered: true, sourceLocation: sourceLocation)
    expectClosedAreGone(journal, active: active, sourceLocation: sourceLocation)
    let skippedButEnded = state.filter { $0.value == "skipped" }.keys.filter { target in
      guard case .id(let id) = target else { return true }
      return !active.contains(id)
    }
    expectNone(skippedButEnded, "targets journaled skipped were ended", sourceLocation: sourceLocation)
  }

  /// Every session the portal ended has an intent, and its outcome is `closed` or
  /// `unknown` — or, unless every answer was written (`answered`), none yet.
  func expectEndedAreJournaled(
    _ ended: Set<Int>, in journal: JournalFile, answered: Bool, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let intended = Set(journal.intents.compactMap(\.target))
    let state = journal.latestState
    let allowed: Set<String> = answered ? ["closed", "unknown"] : ["closed", "unknown", "intent"]
    let unjournaled = ended.filter { !intended.contains(.id($0)) }
    expectNone(unjournaled, "of \(ended.count) ended sessions have no intent", sourceLocation: sourceLocation)
    let wrong = ended.filter { intended.contains(.id($0)) && !allowed.contains(state[.id($0)] ?? "") }
    expectNone(
      wrong.map { "\($0): \(state[.id($0)] ?? "-")" }, "ended sessions are journaled neither closed nor unknown",
      sourceLocation: sourceLocation)
  }

  /// Nothing journaled `closed` is still active.
  func expectClosedAreGone(
    _ journal: JournalFile, active: Set<Int>, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let closedButActive = journal.latestState.filter { target, outcome in
      guard case .id(let id) = target else { return false }
      return outcome == "closed" && active.contains(id)
    }
    expectNone(closedButActive.keys, "sessions journaled closed are still active", sourceLocation: sourceLocation)
  }

  /// A second `journal --unfinished | revoke` ends nothing and reports at most not-active.
  func expectNothingLeftToDo(
    _ portal: BulkPortal, active: Set<Int>, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let again = try await portal.run(["--output", "json", "-c", "journal --unfinished | revoke --yes"])
    #expect(again.ending == .exit(0), "\(again.ending); \(again.stderr.suffix(300))", sourceLocation: sourceLocation)
    let outcomes = (ResultRecords.parse(again.stdout) ?? []).map { $0["outcome"] as? String ?? "" }
    #expect(outcomes.allSatisfy { $0 == "not-active" }, "again: \(Set(outcomes))", sourceLocation: sourceLocation)
    let reported = Set(BulkSummary.last(in: again.stderr).map { Array($0.counts.keys) } ?? [])
    #expect(reported.isSubset(of: ["not-active"]), "again: \(again.stderr)", sourceLocation: sourceLocation)
    #expect(try await portal.activeTargets() == active, "the second run ended sessions", sourceLocation: sourceLocation)
  }

  func appendTornLine(_ portal: BulkPortal) async throws {
    let directory = (portal.journalPath as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    if !FileManager.default.fileExists(atPath: portal.journalPath) {
      _ = FileManager.default.createFile(atPath: portal.journalPath, contents: nil)
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: portal.journalPath))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"type":"outcome","run":"#.utf8))
    try handle.close()
  }
}
