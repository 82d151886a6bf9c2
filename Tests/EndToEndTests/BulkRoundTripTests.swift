import DocSpaceSimulator
import Foundation
import Testing

/// What a bulk verb sends besides its own PUTs: one read of who is signed in (it names your
/// sessions and the journal's caller), shown by the trace like every other call.
@Suite(.timeLimit(.minutes(1))) struct BulkRoundTripTests {
  @Test func revokingListedSessionsReadsWhoIsSignedInOnceAndNoPersonByPerson() async throws {
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
    let puts = sent.filter { $0.hasPrefix("PUT /api/2.0/security/activeconnections/logout/") }
    #expect(!puts.isEmpty)
    #expect(sent == ["GET /api/2.0/security/activeconnections", "GET /api/2.0/people/@self"] + puts)
    #expect(result.stderr.contains("GET /api/2.0/people/@self"), "the trace shows the read")
    #expect(result.stdout == "\(puts.count)\n[\"owner@example.com\"]\n")
  }
}
