import DocSpaceAPI
import Foundation
import Testing

/// A credential with control bytes is refused before anything is sent, and the refusal
/// names where the byte is, never the credential.
@Suite(.timeLimit(.minutes(1))) struct CredentialTests {
  static let controls = ["\r", "\n", "\r\nX-Injected: 1", "\0", "\u{7F}", "\u{01}", "\t", "\u{1B}"]

  @Test(arguments: controls)
  func aLoginTokenWithAControlByteIsRefusedUpFront(_ control: String) async throws {
    try await expectRefused(.loginToken("abcd\(control)efgh-secret"), secrets: ["abcd", "efgh-secret"])
  }

  @Test(arguments: controls)
  func anAPIKeyWithAControlByteIsRefusedUpFront(_ control: String) async throws {
    try await expectRefused(.apiKey("sk-a\(control)efgh-secret"), secrets: ["sk-a", "efgh-secret"])
  }

  @Test(arguments: controls)
  func validatingATokenWithAControlByteThrows(_ control: String) {
    do {
      let credential = try Credential.validated(token: "abcd\(control)efgh-secret")
      Issue.record("accepted as \(credential)")
    } catch {
      expectRefusal(error, secrets: ["abcd", "efgh-secret"])
    }
  }

  @Test(
    arguments: [("plain-token", Credential.loginToken("plain-token")), ("sk-key", .apiKey("sk-key")), ("", .none)]
      as [(String, Credential)])
  func validatingAPlainTokenClassifiesIt(_ token: String, _ expected: Credential) throws {
    #expect(try Credential.validated(token: token) == expected)
  }

  /// `DocSpaceClient(configuration:)` refuses `credential`, and the peer gets no connection.
  private func expectRefused(
    _ credential: Credential, secrets: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    try await withPeer(.envelope(Fixtures.me)) { portal in
      do {
        let client = try DocSpaceClient(configuration: .quick(portal.url, credential: credential))
        _ = try? await client.me()
        await client.shutdown()
        Issue.record("the credential was accepted", sourceLocation: sourceLocation)
      } catch {
        expectRefusal(error, secrets: secrets, sourceLocation: sourceLocation)
      }
      #expect(portal.connectionCount == 0, sourceLocation: sourceLocation)
    }
  }

  private func expectRefusal(_ error: any Error, secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error = error as? APIError, case .invalidCredential = error else {
      Issue.record("expected .invalidCredential, got \(error)", sourceLocation: sourceLocation)
      return
    }
    // The byte is the fifth: position 4 counting from 0, or 5 counting from 1.
    #expect(
      error.message.contains("position 4") || error.message.contains("position 5"), "\(error.message)",
      sourceLocation: sourceLocation)
    for secret in secrets {
      #expect(!error.message.contains(secret), "\(error.message)", sourceLocation: sourceLocation)
    }
  }
}
