import DocSpaceAPI
import Foundation
import Testing

/// No redirect is ever followed: a 3xx is `.redirected`, and nothing reaches where it points.
@Suite(.timeLimit(.minutes(1))) struct RedirectTests {
  static let methods = ["GET", "PUT"]
  static let statuses = [301, 302, 307, 308]

  @Test func aSignInRedirectedToAnotherOriginSendsThePasswordNowhere() async throws {
    try await withPeer(.envelope(Fixtures.authToken)) { other in
      let location = other.url.absoluteString + "/api/2.0/authentication"
      try await withPeer(.redirect(307, to: location)) { portal in
        let error = try await withClient(of: portal, credential: .none) { client in
          await failure { try await client.signIn(userName: "ann@example.com", password: "hunter2-secret") }
        }
        expectRedirected(error, status: 307, location: location)
        #expect(other.connectionCount == 0)
        #expect(portal.requests.count == 1)
      }
    }
  }

  @Test(arguments: methods, statuses)
  func aRedirectToAnotherPortIsNotFollowed(method: String, status: Int) async throws {
    try await withPeer(.envelope("true", headers: ["Set-Cookie: asc_auth_key=planted"])) { other in
      let location = other.url.absoluteString + "/api/2.0/security/activeconnections/logout/7"
      try await expectNotFollowed(method: method, status: status, location: location, other: other)
    }
  }

  @Test(arguments: methods, statuses)
  func aRedirectToAnotherHostIsNotFollowed(method: String, status: Int) async throws {
    try await withPeer(.envelope("true", headers: ["Set-Cookie: asc_auth_key=planted"])) { other in
      let location = "http://localhost:\(other.port)/api/2.0/security/activeconnections/logout/7"
      try await expectNotFollowed(method: method, status: status, location: location, other: other)
    }
  }

  @Test func aRedirectWithinThePortalIsNotFollowedEither() async throws {
    try await withPeer(.redirect(302, to: "/api/2.0/people/@self/again"), .envelope(Fixtures.me)) { portal in
      let error = try await withClient(of: portal) { client in await failure { try await client.me() } }
      expectRedirected(error, status: 302, location: "/api/2.0/people/@self/again")
      #expect(portal.requests.count == 1)
    }
  }

  @Test func aRedirectWithoutLocationIsARedirectToNowhere() async throws {
    try await withPeer(.redirect(302, to: nil), .envelope(Fixtures.me)) { portal in
      let error = try await withClient(of: portal) { client in await failure { try await client.me() } }
      expectRedirected(error, status: 302, location: nil)
    }
  }

  /// `method` to a portal answering `status` to `location` on `other`: `.redirected`, and
  /// `other` gets no connection.
  private func expectNotFollowed(
    method: String, status: Int, location: String, other: HostilePeer,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    try await withPeer(.redirect(status, to: location)) { portal in
      let error = try await withClient(of: portal) { client in
        await failure {
          try await client.raw(method: method, path: "/api/2.0/security/activeconnections/logout/7", body: nil)
        }
      }
      expectRedirected(error, status: status, location: location, sourceLocation: sourceLocation)
      #expect(other.connectionCount == 0, sourceLocation: sourceLocation)
      #expect(portal.requests.map(\.method) == [method], sourceLocation: sourceLocation)
    }
  }

  private func expectRedirected(
    _ error: APIError?, status: Int, location: String?, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let error else { return }
    guard case .redirected(_, let gotStatus, let gotLocation) = error else {
      Issue.record("expected .redirected, got \(error)", sourceLocation: sourceLocation)
      return
    }
    #expect(gotStatus == status, sourceLocation: sourceLocation)
    #expect(gotLocation == location, sourceLocation: sourceLocation)
    #expect(error.message.contains("redirect"), "\(error.message)", sourceLocation: sourceLocation)
    #expect(error.message.contains("\(status)"), "\(error.message)", sourceLocation: sourceLocation)
    if let location {
      #expect(error.message.contains(location), "\(error.message)", sourceLocation: sourceLocation)
    }
    #expect(error.isConnectionProblem, sourceLocation: sourceLocation)
    expectPlainWords(error.message, sourceLocation: sourceLocation)
  }
}
