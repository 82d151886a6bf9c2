import Foundation
import Testing

/// Routing as ASP.NET Core does it in DocSpace 3.7.2: before authentication, literals in any
/// case, 405 for a known path with another method, 404 for no route, CORS preflight first.
@Suite struct RoutingFidelityTests {
  @Test func routeLiteralsMatchInAnyCase() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let mixed = try await portal.request("GET", "/API/2.0/Security/ActiveConnections", cookie: token)
    #expect(mixed.status == 200)
    #expect((mixed.response as? [String: Any])?["items"] is [Any])
    let me = try await portal.request("GET", "/api/2.0/People/@SELF", cookie: token)
    #expect((me.response as? [String: Any])?["email"] as? String == "owner@example.com")
    await portal.server.stop()
  }

  @Test func aWrongMethodOnAKnownPathIs405WithAllowBeforeAuthentication() async throws {
    let portal = try await RawPortal.start()
    let delete = try await portal.send("DELETE", "/api/2.0/security/activeconnections")
    #expect(delete.status == 405)
    #expect(delete.header("Allow") == "GET")
    #expect(delete.body.isEmpty)
    let put = try await portal.send("PUT", "/api/2.0/authentication")
    #expect(put.status == 405)
    #expect(put.header("Allow") == "GET, POST")
    let get = try await portal.send("GET", "/api/2.0/security/activeconnections/logout/5")
    #expect(get.status == 405)
    #expect(get.header("Allow") == "PUT")
    await portal.server.stop()
  }

  @Test func headOnAGetRouteIs405() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let head = try await portal.request("HEAD", "/api/2.0/people/@self", cookie: token)
    #expect(head.status == 405)
    #expect(head.header("Allow") == "GET")
    await portal.server.stop()
  }

  @Test(arguments: [
    ("PUT", "/api/2.0/security/activeconnections/logout/abc"),
    ("PUT", "/api/2.0/security/activeconnections/logout/99999999999"),
    ("PUT", "/api/2.0/security/activeconnections/logoutall/not-a-guid"),
    ("GET", "/api/2.0/security/activeconnections/user/66faa6e4-f133-11ea-b126-00ffeec8b4ef"),
    ("PUT", "/api/2.0/security/activeconnections/logoutall"), ("GET", "/api/2.0/nothing"), ("GET", "/"),
  ])
  func anAnonymousRequestForNoRouteIs404Not401(_ method: String, _ path: String) async throws {
    let portal = try await RawPortal.start()
    let answer = try await portal.send(method, path)
    #expect(answer.status == 404)
    #expect(answer.body.isEmpty)
    await portal.server.stop()
  }

  @Test func aGuidRouteValueTakesTheOtherGuidForms() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("admin@example.com")
    let compact = RawPortal.ownerId.replacingOccurrences(of: "-", with: "").uppercased()
    let answer = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutall/\(compact)", cookie: token)
    #expect(answer.status == 200)
    let owner = await portal.server.loginHistory().filter { $0.userId == RawPortal.ownerId }
    #expect(!owner.contains { $0.isOpenConnection })
    await portal.server.stop()
  }

  @Test(arguments: ["/api/2.0/security/activeconnections/logoutall/" + RawPortal.ownerId, "/api/2.0/nothing"])
  func aCorsPreflightIs204ForAnyOriginBeforeAuthentication(_ path: String) async throws {
    let portal = try await RawPortal.start()
    let answer = try await portal.send(
      "OPTIONS", path,
      headers: [
        ("Origin", "https://app.example.org"), ("Access-Control-Request-Method", "PUT"),
        ("Access-Control-Request-Headers", "authorization"),
      ])
    #expect(answer.status == 204)
    #expect(answer.header("Access-Control-Allow-Origin") == "*")
    #expect(answer.header("Access-Control-Allow-Methods") == "PUT")
    #expect(answer.header("Access-Control-Allow-Headers") == "authorization")
    #expect(answer.body.isEmpty)
    await portal.server.stop()
  }

  @Test func aRequestWithAnOriginIsAllowedAnyOriginAndAnOptionsWithoutOneIs405() async throws {
    let portal = try await RawPortal.start()
    let simple = try await portal.send("GET", "/api/2.0/authentication", headers: [("Origin", "https://a.example")])
    #expect(simple.status == 200)
    #expect(simple.header("Access-Control-Allow-Origin") == "*")
    let plain = try await portal.send("OPTIONS", "/api/2.0/authentication")
    #expect(plain.status == 405)
    #expect(plain.header("Access-Control-Allow-Origin") == nil)
    await portal.server.stop()
  }
}
