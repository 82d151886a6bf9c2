import DocSpaceSimulator
import Foundation
import Testing

/// What a bulk verb sends besides its own PUTs: one read of who is signed in (it names your
/// sessions and the journal's caller), alongside the first PUTs rather than a round trip
/// before them, shown by the trace like every other call.
@Suite(.timeLimit(.minutes(1))) struct BulkRoundTripTests {
  /// What running `script` against a fresh portal sent, printed and journaled.
  struct Run {
    var result: Binaries.Result
    var sent: [String]
    var journal: [Substring]
  }

  static func run(_ script: String) async throws -> Run {
    let (simulator, token) = try await StartupRoundTripTests.portal()
    defer { Task { await simulator.stop() } }
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-state-\(UUID().uuidString)")
    let before = await simulator.receivedRequests().count
    let result = try await Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "-c", script],
      environment: ["DOCSPACE_TOKEN": token, "XDG_STATE_HOME": state.path])
    let sent = Array(await simulator.receivedRequests().dropFirst(before))
    let journal = try String(contentsOf: state.appendingPathComponent("dsh/journal.jsonl"), encoding: .utf8)
    return Run(result: result, sent: sent, journal: journal.split(separator: "\n"))
  }

  @Test func revokingListedSessionsReadsWhoIsSignedInOnceAlongsideThePutsAndNoPersonByPerson() async throws {
    let run = try await Self.run(
      "$s = sessions | where not current; set trace on; $s | revoke --yes | count; journal | get caller | to json --compact"
    )
    #expect(run.result.code == 0, "\(run.result.stderr)")
    let me = "GET /api/2.0/people/@self"
    let puts = run.sent.filter { $0.hasPrefix("PUT /api/2.0/security/activeconnections/logout/") }
    #expect(!puts.isEmpty)
    #expect(run.sent.first == "GET /api/2.0/security/activeconnections")
    #expect(run.sent.filter { $0 == me }.count == 1)
    #expect(run.sent.dropFirst().filter { $0 != me } == puts)
    #expect(run.result.stderr.contains(me), "the trace shows the read")
    #expect(run.result.stdout == "\(puts.count)\n[\"owner@example.com\"]\n")
    // The run began before the read answered: its start line cannot name the caller, a later line does.
    #expect(run.journal.first?.contains("\"type\":\"start\"") == true)
    #expect(run.journal.first?.contains("\"caller\"") == false)
    #expect(run.journal.last?.contains("\"caller\":\"owner@example.com\"") == true)
  }

  @Test func revokingTheShellsOwnConnectionReadsWhoIsSignedInBeforeTheRun() async throws {
    let run = try await Self.run("sessions | where current | revoke --yes --include-self | count")
    #expect(run.result.code == 0, "\(run.result.stderr)")
    #expect(Array(run.sent.prefix(2)) == ["GET /api/2.0/security/activeconnections", "GET /api/2.0/people/@self"])
    #expect(run.journal.first?.contains("\"caller\":\"owner@example.com\"") == true)
  }
}
