import DocSpaceAPI
import Foundation
import Testing

/// `curl` shows the last request without its secrets: the sign-in's password stays in
/// `$DOCSPACE_PASSWORD`.
@Suite(.timeLimit(.minutes(1))) struct CurlTests {
  static let password = "hunter2-Secret!"

  @Test func afterAFailedSignInCurlHidesThePassword() async throws {
    try await withPeer(.json(#"{"error":{"message":"wrong password"}}"#, status: 401)) { portal in
      let curl = try await curlAfterSignIn(portal)
      #expect(portal.requests.first?.bodyText.contains(Self.password) == true)
      #expect(!curl.contains(Self.password), "\(curl)")
      #expect(curl.contains(#""$DOCSPACE_PASSWORD""#), "\(curl)")
    }
  }

  @Test func afterASuccessfulSignInCurlHidesThePassword() async throws {
    try await withPeer(.envelope(Fixtures.authToken)) { portal in
      let curl = try await curlAfterSignIn(portal)
      #expect(!curl.contains(Self.password), "\(curl)")
      #expect(curl.contains(#""$DOCSPACE_PASSWORD""#), "\(curl)")
    }
  }

  private func curlAfterSignIn(_ portal: HostilePeer) async throws -> String {
    let curl = try await withClient(of: portal, credential: .none) { client in
      _ = try? await client.signIn(userName: "ann@example.com", password: Self.password)
      return client.lastRequestAsCurl()
    }
    return try #require(curl)
  }
}
