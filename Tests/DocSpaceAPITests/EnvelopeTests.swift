import DocSpaceAPI
import Foundation
import Testing

/// What already works and must keep working: envelopes decode, statuses map to errors,
/// and the portal's strings arrive as data, control bytes included.
@Suite(.timeLimit(.minutes(1))) struct EnvelopeTests {
  @Test func a200EnvelopeDecodes() async throws {
    try await withPeer(.envelope(Fixtures.me)) { portal in
      let me = try await withClient(of: portal) { client in try await client.me() }
      #expect(me.id == "u-1")
      #expect(me.displayName == "Ann Admin")
      #expect(me.isAdmin)
      #expect(portal.requests.first?.path == "/api/2.0/people/@self")
    }
  }

  @Test func anAnswerNestedDeeperThanTheLimitIsMalformed() async throws {
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    try await withPeer(.envelope(deep)) { portal in
      let error = try await withClient(of: portal) { client in await failure { try await client.me() } }
      guard case .malformed(_, let detail)? = error else {
        Issue.record("expected .malformed, got \(String(describing: error))")
        return
      }
      #expect(detail.contains("nested deeper than 64 levels"))
    }
  }

  @Test func bracketsInsideStringsDoNotCountAsNesting() async throws {
    let text = String(repeating: "[{", count: 100)
    try await withPeer(.envelope(#""\#(text)\"\\""#)) { portal in
      let answer = try await withClient(of: portal) { client in try await client.logOutAllExceptThis() }
      #expect(answer == text + "\"\\")
    }
  }

  @Test func a401IsNotSignedIn() async throws {
    try await withPeer(.answer(status: 401, headers: [], body: [])) { portal in
      let error = try await withClient(of: portal) { client in await failure { try await client.me() } }
      guard case .notSignedIn? = error else {
        Issue.record("expected .notSignedIn, got \(String(describing: error))")
        return
      }
    }
  }

  @Test(arguments: [200, 502])
  func htmlFromAProxyIsNotJSON(status: Int) async throws {
    let html = PeerReply.answer(
      status: status, headers: ["Content-Type: text/html"], body: Array("<html><body>Bad Gateway</body></html>".utf8))
    try await withPeer(html) { portal in
      let error = try await withClient(of: portal) { client in await failure { try await client.me() } }
      guard case .notJSON(_, let got, let start)? = error else {
        Issue.record("expected .notJSON, got \(String(describing: error))")
        return
      }
      #expect(got == status)
      #expect(start.hasPrefix("<html>"))
    }
  }

  @Test func controlBytesInStringsArriveExact() async throws {
    let connections = Fixtures.connections(
      browser: #"Chrome\u001b]0;x\u0007"#, platform: #"Linux\u009b2J"#, city: #"Z\u0000rich"#)
    try await withPeer(.envelope(connections)) { portal in
      let answer = try await withClient(of: portal) { client in try await client.activeConnections() }
      let connection = try #require(answer.items.first)
      #expect(connection.browser == "Chrome\u{1B}]0;x\u{07}")
      #expect(connection.platform == "Linux\u{9B}2J")
      #expect(connection.city == "Z\u{0}rich")
    }
  }
}
