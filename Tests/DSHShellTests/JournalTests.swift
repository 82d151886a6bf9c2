import DSHLanguage
import Foundation
import Testing

@testable import DocSpaceVerbs

/// The journal of destructive actions: written ahead of each request, read back whole even
/// after a crash, summarised per run, and the source of what is left to finish.
@Suite struct JournalTests {
  func stateHome() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dsh-state-\(UUID().uuidString)").path
  }

  func writer(_ home: String, verb: String = "revoke") throws -> JournalWriter {
    try #require(
      JournalWriter(
        paths: JournalPaths(environment: ["XDG_STATE_HOME": home]), portal: "https://p.example.com",
        caller: "owner@example.com", verb: verb))
  }

  func reader(_ home: String) -> JournalReader {
    JournalReader(paths: JournalPaths(environment: ["XDG_STATE_HOME": home]))
  }

  func result(_ id: Int, _ outcome: Outcome) -> TargetResult {
    TargetResult(label: .int(id), outcome: outcome, status: outcome == .closed ? 200 : nil, error: nil)
  }

  @Test func aLineIsOneCompactJSONObjectWithSortedKeysThatReadsBack() throws {
    var line = JournalLine(
      type: .outcome, run: "r", time: "2026-07-10T12:04:05Z", portal: "https://p.example.com/", caller: nil,
      verb: "revoke-user")
    line.target = .user("66faa6e4-f133-11ea-b126-00ffeec8b4ef")
    line.label = "a \"quoted\"\nlabel/\u{1}é"
    line.outcome = .notActive
    line.status = 404
    line.counts = ["failed": 1, "closed": 2]
    line.interrupted = true
    let text = line.json
    #expect(!text.contains("\n"))
    let names = try #require(JSON.parse(text).asRecord?.names)
    #expect(names == names.sorted())
    #expect(!names.contains("caller"))
    let read = try JSONDecoder().decode(JournalLine.self, from: Data(text.utf8))
    #expect(read.label == line.label)
    #expect(read.target == line.target)
    #expect(read.outcome == .notActive)
    #expect(read.status == 404)
    #expect(read.counts == ["closed": 2, "failed": 1])
    #expect(read.portal == "https://p.example.com/")
    #expect(read.interrupted == true)
  }

  @Test func anIntentIsOnDiskBeforeItsOutcomeIsKnown() throws {
    let home = stateHome()
    let journal = try writer(home)
    journal.start(targets: 2)
    journal.intent(.connection(7), label: "7")
    let unfinished = reader(home).unfinished()
    #expect(unfinished.count == 1)
    #expect(unfinished.first?.asRecord?["id"] == .int(7))
    #expect(unfinished.first?.asRecord?["reason"] == .string("sent, no answer recorded"))
  }

  @Test func aRunIsSummarisedByOutcome() throws {
    let home = stateHome()
    let journal = try writer(home)
    journal.start(targets: 3)
    for (id, outcome) in [(1, Outcome.closed), (2, .notActive), (3, .unknown)] {
      journal.intent(.connection(id), label: String(id))
      journal.outcome(.connection(id), result(id, outcome))
    }
    journal.end(counts: [.closed: 1, .notActive: 1, .unknown: 1], interrupted: false)
    let run = try #require(reader(home).runs().first?.asRecord)
    #expect(run["closed"] == .int(1))
    #expect(run["notActive"] == .int(1))
    #expect(run["unknown"] == .int(1))
    #expect(run["unfinished"] == .int(1))
    #expect(run["interrupted"] == .bool(false))
    #expect(run["caller"] == .string("owner@example.com"))
  }

  @Test func aCallerLearnedAfterTheStartNamesTheRun() throws {
    let home = stateHome()
    let journal = try #require(
      JournalWriter(
        paths: JournalPaths(environment: ["XDG_STATE_HOME": home]), portal: "https://p.example.com", caller: nil,
        verb: "revoke"))
    journal.start(targets: 1)
    journal.intent(.connection(1), label: "1")
    journal.name(caller: "owner@example.com")
    journal.outcome(.connection(1), result(1, .closed))
    journal.end(counts: [.closed: 1], interrupted: false)
    let lines = try String(contentsOfFile: home + "/dsh/journal.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.map { $0.contains("\"caller\"") } == [false, false, false, true])
    #expect(reader(home).runs().first?.asRecord?["caller"] == .string("owner@example.com"))
  }

  @Test func aTornLastLineIsSkippedAndCounted() throws {
    let home = stateHome()
    let journal = try writer(home)
    journal.start(targets: 1)
    journal.intent(.connection(9), label: "9")
    let path = home + "/dsh/journal.jsonl"
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"type\":\"outcome\",\"run\":\"x\",\"ti".utf8))
    try handle.close()
    let read = reader(home)
    #expect(read.unreadable == 1)
    #expect(read.unfinished().count == 1)
  }

  @Test func aLaterRunThatSettlesATargetTakesItOffTheUnfinishedList() throws {
    let home = stateHome()
    let first = try writer(home)
    first.start(targets: 2)
    first.intent(.connection(1), label: "1")
    first.outcome(.connection(1), result(1, .unknown))
    first.outcome(.connection(2), result(2, .skipped))
    #expect(reader(home).unfinished().count == 2)
    let second = try writer(home)
    second.start(targets: 1)
    second.intent(.connection(1), label: "1")
    second.outcome(.connection(1), result(1, .notActive))
    let left = reader(home).unfinished()
    #expect(left.count == 1)
    #expect(left.first?.asRecord?["id"] == .int(2))
    #expect(left.first?.asRecord?["reason"] == .string("never sent"))
  }

  @Test func aHundredThousandLinesAreReadWhole() throws {
    let home = stateHome()
    let journal = try writer(home)
    journal.start(targets: 50_000)
    for id in 0..<50_000 {
      journal.intent(.connection(id), label: String(id))
      journal.outcome(.connection(id), result(id, id % 2 == 0 ? .closed : .unknown))
    }
    let read = reader(home)
    #expect(read.lines.count == 100_001)
    #expect(read.runs().first?.asRecord?["closed"] == .int(25_000))
    #expect(read.unfinished().count == 25_000)
  }

  @Test func aLargeJournalIsRotatedWhenTheNextRunStarts() throws {
    let home = stateHome()
    let paths = JournalPaths(environment: ["XDG_STATE_HOME": home])
    _ = try writer(home)
    let current = try #require(paths.current)
    let big = Data(repeating: UInt8(ascii: " "), count: Int(JournalPaths.rotationBytes) + 1)
    try big.write(to: URL(fileURLWithPath: current))
    let journal = try writer(home)
    journal.start(targets: 0)
    let previous = try #require(paths.previous)
    #expect(FileManager.default.fileExists(atPath: previous))
    #expect(try Data(contentsOf: URL(fileURLWithPath: current)).count < 1000)
  }

  @Test func theJournalHoldsNoTokenAndOnlyItsOwnerCanReadIt() throws {
    let home = stateHome()
    let journal = try writer(home)
    journal.start(targets: 0)
    let attributes = try FileManager.default.attributesOfItem(atPath: home + "/dsh/journal.jsonl")
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test func theSummaryNamesOutcomesInAFixedOrderAndSaysWhenInterrupted() {
    let report = BulkReport(
      verb: "revoke", results: [result(1, .skipped), result(2, .closed), result(3, .closed)], interrupted: true)
    #expect(report.summary == "revoke: 2 closed, 1 skipped (3 targets) — interrupted")
  }

  @Test func whileConnectedOnlyThisPortalsUnfinishedTargetsAreListed() async throws {
    let home = stateHome()
    let shell = try await TestShell.start(environment: ["XDG_STATE_HOME": home])
    let here = try #require(await shell.session.portal.client?.configuration.baseURL.absoluteString)
    for portal in [here, "https://other.example.com"] {
      let journal = try #require(
        JournalWriter(
          paths: JournalPaths(environment: ["XDG_STATE_HOME": home]), portal: portal, caller: "owner@example.com",
          verb: "revoke"))
      journal.start(targets: 1)
      journal.intent(.connection(portal == here ? 1 : 2), label: "x")
    }
    await shell.run("journal --unfinished | get id | to json --compact")
    #expect(shell.capture.stdout == "[1]\n")
    await shell.stop()
  }
}
