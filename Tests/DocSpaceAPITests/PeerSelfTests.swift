import DocSpaceAPI
import Foundation
import Testing

/// The hostile peer itself: it records what reached it and never outlives what it serves.
@Suite(.timeLimit(.minutes(1))) struct PeerSelfTests {
  @Test func recordsMethodPathHeadersAndBody() async throws {
    try await withPeer(.json("{}")) { peer in
      _ = try await withClient(of: peer) { client in
        try await client.raw(method: "PUT", path: "/api/2.0/x?y=1", body: Data(#"{"a":1}"#.utf8))
      }
      let request = try #require(peer.requests.first)
      #expect(request.method == "PUT")
      #expect(request.path == "/api/2.0/x?y=1")
      #expect(request.header("cookie") == "asc_auth_key=peer-token")
      #expect(request.bodyText == #"{"a":1}"#)
    }
  }

  @Test func answersTheNthRequestWithTheNthReplyThenTheLast() async throws {
    try await withPeer(.json(#"{"n":1}"#), .json(#"{"n":2}"#)) { peer in
      let bodies = try await withClient(of: peer) { client in
        var bodies: [String] = []
        for _ in 0..<3 {
          bodies.append(String(decoding: try await client.raw(method: "GET", path: "/", body: nil), as: UTF8.self))
        }
        return bodies
      }
      #expect(bodies == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":2}"#])
    }
  }

  @Test func anEndlessBodyStopsWhenTheClientHasGone() async throws {
    try await withPeer(.endlessBody(chunked: true)) { peer in
      _ = try await withClient(of: peer) { client in
        await failure { try await client.raw(method: "GET", path: "/", body: nil) }
      }
      #expect(await peer.becomesIdle(within: 5))
    }
  }

  @Test func stopEndsAConnectionTheClientKeepsOpen() async throws {
    let peer = try HostilePeer(.stalledHead)
    let client = try RawConnection(port: peer.port)
    defer { client.close() }
    client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    var polls = 0
    while peer.requests.isEmpty, polls < 500 {
      try await Task.sleep(for: .milliseconds(10))
      polls += 1
    }
    #expect(peer.servingCount == 1)
    await peer.stop()
    #expect(peer.servingCount == 0)
  }
}
