import DocSpaceSimulator
import Foundation
import Testing

/// What a bulk verb sends besides its own PUTs: one read of who is signed in (it names your
/// sessions and the journal's caller), alongside the first PUTs rather than a round trip
/// before them, shown by the trace like every other call.
@Suite(.timeLimit(.minutes(1))) struct BulkRoundTripTests {
  @Test func revokingListedSessionsReadsWhoIsSignedInOnceAlongsideThePutsAndNoPersonByPerson() async throws {
    let (simulator, token) = try await StartupRoundTripTests.portal()
    defer { Task { await simulator.stop() } }
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-state-\(UUID().uuidString)")
    let before = await simulator.receivedRequests().count
    let result = try await Binaries.run(
      Binaries.dsh,
      [
        "--portal", simulator.url, "-c",
        "$s = sessions | where not current; set trace on; $s | revoke --yes | count; journal | get caller | to json --compact",
      ],
      environment: ["DOCSPACE_TOKEN": token, "XDG_STATE_HOME": state.path])
    #expect(result.code == 0, "\(result.stderr)")
    let sent = Array(await simulator.receivedRequests().dropFirst(before))
    let me = "GET /api/2.0/people/@self"
    let puts = sent.filter { $0.hasPrefix("PUT /api/2.0/security/activeconnections/logout/") }
    #expect(!puts.isEmpty)
    #expect(sent.first == "GET /api/2.0/security/activeconnections")
    #expect(sent.filter { $0 == me }.count == 1)
    #expect(sent.dropFirst().filter { $0 != me } == puts)
    #expect(result.stderr.contains(me), "the trace shows the read")
    #expect(result.stdout == "\(puts.count)\n[\"owner@example.com\"]\n")
    // The run began before the read answered: its start line cannot name the caller, a later line does.
    let journal = try String(contentsOf: state.appendingPathComponent("dsh/journal.jsonl"), encoding: .utf8)
    let lines = journal.split(separator: "\n")
    #expect(lines.first?.contains("\"type\":\"start\"") == true)
    #expect(lines.first?.contains("\"caller\"") == false)
    #expect(lines.last?.contains("\"caller\":\"owner@example.com\"") == true)
  }

  @Test func revokingTheShellsOwnConnectionReadsWhoIsSignedInBeforeTheRun() async throws {
    let (simulator, token) = try await StartupRoundTripTests.portal()
    defer { Task { await simulator.stop() } }
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-state-\(UUID().uuidString)")
    let before = await simulator.receivedRequests().count
    let result = try await Binaries.run(
      Binaries.dsh,
      ["--portal", simulator.url, "-c", "sessions | where current | revoke --yes --include-self | count"],
      environment: ["DOCSPACE_TOKEN": token, "XDG_STATE_HOME": state.path])
    #expect(result.code == 0, "\(result.stderr)")
    let sent = Array(await simulator.receivedRequests().dropFirst(before))
    #expect(Array(sent.prefix(2)) == ["GET /api/2.0/security/activeconnections", "GET /api/2.0/people/@self"])
    let journal = try String(contentsOf: state.appendingPathComponent("dsh/journal.jsonl"), encoding: .utf8)
    #expect(journal.split(separator: "\n").first?.contains("\"caller\":\"owner@example.com\"") == true)
  }
}
