import DocSpaceAPI
import Foundation
import Testing

/// `Set-Cookie: asc_auth_key=V` replaces a login token only on a 2xx answer to the client's
/// own request, only for a sane V, and never an API key.
@Suite(.timeLimit(.minutes(1))) struct CookieTests {
  @Test func aCookieOnA2xxReplacesTheLoginTokenForTheNextRequest() async throws {
    let renewing = PeerReply.envelope(Fixtures.me, headers: ["Set-Cookie: asc_auth_key=fresh-token; path=/; HttpOnly"])
    try await withPeer(renewing, .envelope(Fixtures.me)) { portal in
      let credential = try await withClient(of: portal) { client in
        _ = try await client.me()
        _ = try await client.me()
        return await client.credential
      }
      #expect(credential == .loginToken("fresh-token"))
      #expect(portal.requests.map { $0.header("Cookie") } == ["asc_auth_key=peer-token", "asc_auth_key=fresh-token"])
    }
  }

  @Test func aCookieOf4096CharactersIsAccepted() async throws {
    let value = String(repeating: "k", count: 4096)
    let credential = try await credentialAfter(setCookie: "asc_auth_key=\(value)")
    #expect(credential == .loginToken(value))
  }

  @Test func aCookieOf4097CharactersIsIgnored() async throws {
    let credential = try await credentialAfter(setCookie: "asc_auth_key=\(String(repeating: "k", count: 4097))")
    #expect(credential == .loginToken("peer-token"))
  }

  @Test(arguments: [
    "has space", "comma,inside", "quote\"inside", "back\\slash",
    "tab\tinside", "t\u{F6}k\u{E9}n", "",
  ])
  func aCookieWithAnInsaneValueIsIgnored(_ value: String) async throws {
    let credential = try await credentialAfter(setCookie: "asc_auth_key=\(value); path=/")
    #expect(credential == .loginToken("peer-token"))
  }

  @Test func aCookieOnA3xxChangesNothing() async throws {
    let redirect = PeerReply.redirect(302, to: "/api/2.0/people/@self", setCookie: "asc_auth_key=planted")
    try await withPeer(redirect, .envelope(Fixtures.me)) { portal in
      let (error, credential) = try await withClient(of: portal) { client in
        (await failure { try await client.me() }, await client.credential)
      }
      #expect(credential == .loginToken("peer-token"))
      guard case .redirected? = error else {
        Issue.record("expected .redirected, got \(String(describing: error))")
        return
      }
    }
  }

  @Test func aCookieFromWhereARedirectPointsIsNeverSeen() async throws {
    try await withPeer(.envelope(Fixtures.me, headers: ["Set-Cookie: asc_auth_key=planted"])) { other in
      try await withPeer(.redirect(307, to: other.url.absoluteString + "/api/2.0/people/@self")) { portal in
        let credential = try await withClient(of: portal) { client in
          _ = await failure { try await client.me() }
          return await client.credential
        }
        #expect(credential == .loginToken("peer-token"))
        #expect(other.connectionCount == 0)
      }
    }
  }

  @Test func anAPIKeyIsNeverReplaced() async throws {
    let credential = try await credentialAfter(setCookie: "asc_auth_key=planted", credential: .apiKey("sk-the-key"))
    #expect(credential == .apiKey("sk-the-key"))
  }

  /// The client's credential after a 200 to `GET me` carrying `Set-Cookie: setCookie`.
  private func credentialAfter(
    setCookie: String, credential: Credential = .loginToken("peer-token")
  ) async throws -> Credential {
    try await withPeer(.envelope(Fixtures.me, headers: ["Set-Cookie: \(setCookie)"])) { portal in
      try await withClient(of: portal, credential: credential) { client in
        _ = try await client.me()
        return await client.credential
      }
    }
  }
}
