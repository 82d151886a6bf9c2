import DocSpaceAPI
import Foundation
import Testing

/// The declared routes: one of each, well formed, and the ones the client sends to.
@Suite(.timeLimit(.minutes(1))) struct EndpointTests {
  @Test func eachRouteIsDeclaredOnceWithAReferencePage() {
    #expect(Set(Endpoint.all.map(\.name)).count == Endpoint.all.count)
    #expect(Set(Endpoint.all.map(\.line)).count == Endpoint.all.count)
    for endpoint in Endpoint.all {
      #expect(endpoint.path.hasPrefix("/api/2.0/"), "\(endpoint.line)")
      #expect(endpoint.referenceURL.hasPrefix("https://api.onlyoffice.com/docspace/api-backend/"), "\(endpoint.name)")
      #expect(!endpoint.summary.isEmpty && !endpoint.role.isEmpty, "\(endpoint.name)")
    }
  }

  @Test func aRequestGoesToTheMostSpecificRouteThatFits() {
    #expect(Endpoint.route(method: "GET", path: "/api/2.0/people/@self")?.name == "me")
    #expect(Endpoint.route(method: "GET", path: "/api/2.0/people/email?email=a@b")?.name == "personByEmail")
    #expect(Endpoint.route(method: "GET", path: "/api/2.0/people/2daf5e40")?.name == "person")
    #expect(
      Endpoint.route(method: "PUT", path: "/api/2.0/security/activeconnections/logout/12")?.name == "logOutConnection")
    #expect(Endpoint.route(method: "GET", path: "/api/2.0/security/activeconnections/logout/12") == nil)
    #expect(Endpoint.route(method: "GET", path: "/api/2.0/files") == nil)
  }

  @Test func theClientSendsToTheDeclaredPathWithItsValuesEncoded() async throws {
    try await withPeer(.envelope(Fixtures.me), .envelope(Fixtures.me)) { portal in
      try await withClient(of: portal) { client in
        _ = try await client.person(idOrUserName: "ann b")
        _ = try await client.person(email: "a+b@example.com")
        let sent = client.calls.all.map(\.request)
        #expect(sent.map(\.path) == ["/api/2.0/people/ann%20b", "/api/2.0/people/email?email=a%2Bb@example.com"])
        #expect(sent.map(\.endpoint) == ["person", "personByEmail"])
        #expect(portal.requests.map(\.path) == sent.map(\.path))
      }
    }
  }

  @Test func aDryRunPlansAChangeAndLogsItWithoutSendingIt() async throws {
    try await withPeer(.envelope("true")) { portal in
      try await withClient(of: portal) { client in
        let dry = client.with(RequestOptions(dryRun: true))
        await #expect(throws: APIError.self) { _ = try await dry.logOut(connection: 7) }
        #expect(client.calls.last?.planned == true)
        #expect(client.calls.last?.request.line == "PUT /api/2.0/security/activeconnections/logout/7")
        #expect(portal.requests.isEmpty)
      }
    }
  }
}
