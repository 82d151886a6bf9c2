import DocSpaceAPI
import Foundation
import Testing

/// One deadline covers connect, head and the whole body: a peer that stalls or trickles
/// ends the request in `.timedOut`.
@Suite(.timeLimit(.minutes(1))) struct DeadlineTests {
  @Test(arguments: [PeerReply.stalledHead, .stalledBody, .trickle])
  func aSlowAnswerToAGetTimesOut(_ reply: PeerReply) async throws {
    try await withPeer(reply) { portal in
      let error = try await withClient(of: portal, deadline: 1) { client in await failure { try await client.me() } }
      expectTimedOut(error)
    }
  }

  @Test func aSignInWithATricklingBodyTimesOut() async throws {
    try await withPeer(.trickle) { portal in
      let error = try await withClient(of: portal, credential: .none, deadline: 1) { client in
        await failure { try await client.signIn(userName: "ann@example.com", password: "secret") }
      }
      expectTimedOut(error)
    }
  }

  @Test func aTimedOutRequestLetsGoOfItsConnection() async throws {
    try await withPeer(.trickle) { portal in
      try await withClient(of: portal, deadline: 1) { client in
        _ = await failure { try await client.me() }
        #expect(await portal.becomesIdle(within: 5))
      }
    }
  }

  private func expectTimedOut(_ error: APIError?, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error else { return }
    guard case .timedOut = error else {
      Issue.record("expected .timedOut, got \(error): \(error.message)", sourceLocation: sourceLocation)
      return
    }
    #expect(error.message.contains("the portal did not answer in time"), sourceLocation: sourceLocation)
    expectPlainWords(error.message, sourceLocation: sourceLocation)
  }
}
