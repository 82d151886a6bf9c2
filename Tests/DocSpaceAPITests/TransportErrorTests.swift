import DocSpaceAPI
import Foundation
import Testing

/// Transport failures are told in plain words, never in the HTTP stack's type names.
@Suite(.timeLimit(.minutes(1))) struct TransportErrorTests {
  @Test func aConnectionClosedBeforeTheAnswerIsConnectionLost() async throws {
    try await withPeer(.closeAfterRequest) { portal in
      let error = try await withClient(of: portal) { client in await failure { try await client.me() } }
      guard let error else { return }
      guard case .connectionLost = error else {
        Issue.record("expected .connectionLost, got \(error): \(error.message)")
        return
      }
      #expect(error.message.contains("the connection to the portal was lost before it answered"), "\(error.message)")
      expectPlainWords(error.message)
    }
  }

  @Test func aTLSReplyToPlainHTTPIsNotHTTP() async throws {
    let error = try await errorOfMe(answeredWith: .tlsAlert)
    expectNotHTTP(error, allowing: ["SSL"])
  }

  @Test func anSSHBannerIsNotHTTP() async throws {
    let error = try await errorOfMe(answeredWith: .raw(Array("SSH-2.0-OpenSSH_9.6\r\n".utf8)))
    expectNotHTTP(error)
  }

  @Test func binaryGarbageIsNotHTTP() async throws {
    let error = try await errorOfMe(answeredWith: .raw([0x00, 0xFF, 0x13, 0x37, 0x0D, 0x0A, 0x0D, 0x0A]))
    expectNotHTTP(error)
  }

  @Test func aRefusedPortIsUnreachable() async throws {
    try await withClosedPort { url in
      let error = try await withClient(.quick(url)) { client in await failure { try await client.me() } }
      guard let error else { return }
      guard case .unreachable = error else {
        Issue.record("expected .unreachable, got \(error): \(error.message)")
        return
      }
      #expect(error.message.contains("connection refused"), "\(error.message)")
      #expect(error.isConnectionProblem)
      expectPlainWords(error.message)
    }
  }

  private func errorOfMe(answeredWith reply: PeerReply) async throws -> APIError? {
    try await withPeer(reply) { portal in
      try await withClient(of: portal) { client in await failure { try await client.me() } }
    }
  }

  private func expectNotHTTP(
    _ error: APIError?, allowing allowed: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let error else { return }
    guard case .notHTTP = error else {
      Issue.record("expected .notHTTP, got \(error): \(error.message)", sourceLocation: sourceLocation)
      return
    }
    #expect(error.message.contains("not HTTP"), "\(error.message)", sourceLocation: sourceLocation)
    expectPlainWords(error.message, allowing: allowed, sourceLocation: sourceLocation)
  }
}
