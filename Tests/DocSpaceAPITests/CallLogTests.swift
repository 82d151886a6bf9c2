import DocSpaceAPI
import Testing

/// The session's call log: oldest first, and only the latest `CallLog.capacity` calls.
@Suite(.timeLimit(.minutes(1))) struct CallLogTests {
  func planLogOuts(_ ids: ClosedRange<Int>, with client: DocSpaceClient) async {
    let dry = client.with(RequestOptions(dryRun: true))
    for id in ids { _ = try? await dry.logOut(connection: id) }
  }

  func loggedIds(_ client: DocSpaceClient) -> [Int] {
    client.calls.all.compactMap { Int($0.request.path.split(separator: "/").last ?? "") }
  }

  @Test func callsAreKeptOldestFirst() async throws {
    try await withPeer(.envelope("true")) { portal in
      try await withClient(of: portal) { client in
        await planLogOuts(1...3, with: client)
        #expect(loggedIds(client) == [1, 2, 3])
        #expect(client.calls.last?.request.line == "PUT /api/2.0/security/activeconnections/logout/3")
      }
    }
  }

  @Test func pastItsCapacityTheLogDropsTheOldestCalls() async throws {
    try await withPeer(.envelope("true")) { portal in
      try await withClient(of: portal) { client in
        let extra = 7
        await planLogOuts(1...(CallLog.capacity + extra), with: client)
        #expect(loggedIds(client) == Array((1 + extra)...(CallLog.capacity + extra)))
        #expect(client.calls.last?.request.line.hasSuffix("/logout/\(CallLog.capacity + extra)") == true)
      }
    }
  }
}
