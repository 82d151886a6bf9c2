import Foundation
import Testing

@testable import DocSpaceSimulator

@Suite struct TokenTests {
  @Test func endingAConnectionEndsItsToken() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("user@example.com")
    let event = try await portal.connections(token).loginEvent
    _ = try await portal.request("PUT", "/api/2.0/security/activeconnections/logout/\(event)", cookie: token)
    #expect(try await portal.request("GET", "/api/2.0/security/activeconnections", cookie: token).status == 401)
    await portal.server.stop()
  }

  @Test func logoutAllOnYourselfReissuesACookieAndEndsEveryOldToken() async throws {
    let portal = try await RawPortal.start()
    let first = try await portal.signIn("user@example.com")
    let second = try await portal.signIn("user@example.com")
    let answer = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutall/2daf5e40-7c3f-4081-9d9c-3e4f5a6b7c83", cookie: first)
    let cookie = try #require(answer.header("Set-Cookie"))
    let fresh = String(cookie.dropFirst("asc_auth_key=".count).prefix { $0 != ";" })
    #expect(try await portal.request("GET", "/api/2.0/security/activeconnections", cookie: first).status == 401)
    #expect(try await portal.request("GET", "/api/2.0/security/activeconnections", cookie: second).status == 401)
    #expect(try await portal.connections(fresh).ids.count == 1)
    await portal.server.stop()
  }

  @Test func onlyTheCookieNamesTheCurrentConnection() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let viaCookie = try await portal.connections(token)
    #expect(viaCookie.loginEvent != 0)
    #expect(viaCookie.ids.first == viaCookie.loginEvent)
    let viaBearer = try await portal.request(
      "GET", "/api/2.0/security/activeconnections", authorization: "Bearer \(token)")
    #expect((viaBearer.response as? [String: Any])?["loginEvent"] as? Int == 0)
    let raw = try await portal.request("GET", "/api/2.0/security/activeconnections", authorization: token)
    #expect(raw.status == 200)
    await portal.server.stop()
  }

  @Test func exceptThisWithBearerEndsEverythingIncludingTheCaller() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("user@example.com")
    _ = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutallexceptthis", authorization: "Bearer \(token)")
    #expect(
      try await portal.request("GET", "/api/2.0/security/activeconnections", authorization: "Bearer \(token)").status
        == 401)
    await portal.server.stop()
  }

  @Test func apiKeysAreNoConnectionAndSurviveLogoutAll() async throws {
    let portal = try await RawPortal.start()
    let key = try #require(await portal.server.apiKeys().first { $0.email == "owner@example.com" }?.key)
    let before = try await portal.request("GET", "/api/2.0/security/activeconnections", authorization: "Bearer \(key)")
    #expect((before.response as? [String: Any])?["loginEvent"] as? Int == 0)
    let end = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutall/\(RawPortal.ownerId)", authorization: "Bearer \(key)")
    #expect(end.status == 200)
    #expect(try await portal.request("GET", "/api/2.0/people/@self", authorization: "Bearer \(key)").status == 200)
    await portal.server.stop()
  }

  @Test func basicAuthWorksWithoutAConnectionAndGetsTheSyntheticItem() async throws {
    let portal = try await RawPortal.start { $0.sessionsPerUser = 0 }
    let basic = "Basic " + Data("guest@example.com:demo-password".utf8).base64EncodedString()
    let answer = try await portal.request("GET", "/api/2.0/security/activeconnections", authorization: basic)
    let items = (answer.response as? [String: Any])?["items"] as? [[String: Any]] ?? []
    #expect(items.count == 1)
    #expect(items.first?["id"] as? Int == 0)
    #expect(items.first?["userId"] as? String == "00000000-0000-0000-0000-000000000000")
    #expect(items.first?["page"] == nil)
    await portal.server.stop()
  }

  @Test func wrongPasswordIs401WithTheErrorBodyAndFiveFailuresBlock() async throws {
    let portal = try await RawPortal.start()
    for _ in 0..<5 {
      let answer = try await portal.request(
        "POST", "/api/2.0/authentication", body: "{\"userName\":\"user@example.com\",\"password\":\"nope\"}")
      #expect(answer.status == 401)
      #expect((answer.json["error"] as? [String: Any])?["message"] as? String == "User authentication failed")
    }
    let blocked = try await portal.request(
      "POST", "/api/2.0/authentication", body: "{\"userName\":\"user@example.com\",\"password\":\"demo-password\"}")
    #expect(blocked.status == 403)
    await portal.server.stop()
  }
}

@Suite struct WireTests {
  static let apiDate = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}(Z|[+-]\d{2}:\d{2})$"#

  @Test func stringsAreEscapedOnlyWhereJSONNeedsIt() {
    let text = Wire.string("a \"quoted\" back\\slash\nline\ttab\u{1}é/").text
    #expect(text == #""a \"quoted\" back\\slash\nline\ttab\u0001é/""#)
  }

  @Test func apiDateTimesHaveSevenFractionDigitsAndThePortalsOffset() {
    let date = Date(timeIntervalSince1970: 1_783_685_045.25)  // 2026-07-10T12:04:05.25Z
    #expect(PortalClock(offsetMinutes: 180).apiDateTime(date) == "2026-07-10T15:04:05.2500000+03:00")
    #expect(PortalClock(offsetMinutes: -570).apiDateTime(date) == "2026-07-10T02:34:05.2500000-09:30")
    #expect(PortalClock(offsetMinutes: 0).apiDateTime(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.0000000Z")
  }

  @Test func profileSearchesAreURLEncodedLikeHttpUtility() {
    #expect(WireModels.urlEncode("Ann O'Neil+x@example.com") == "Ann+O%27Neil%2bx%40example.com")
    #expect(WireModels.urlEncode("é-_.!*()") == "%c3%a9-_.!*()")
  }

  @Test func objectsKeepTheirOrderAndLeaveOutNilMembers() {
    let wire = Wire.object([("b", .int(1)), ("gone", nil), ("a", .array([.bool(true), .null, .string("x")]))])
    #expect(wire.text == #"{"b":1,"a":[true,null,"x"]}"#)
  }

  @Test func theSuccessEnvelopeHasExactlyTheServersKeys() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let answer = try await portal.request("GET", "/api/2.0/security/activeconnections", cookie: token)
    #expect(Set(answer.json.keys) == ["response", "count", "links", "status", "statusCode"])
    #expect(answer.json["status"] as? Int == 0)
    #expect(answer.json["statusCode"] as? Int == 200)
    let link = (answer.json["links"] as? [[String: Any]])?.first
    #expect(link?["action"] as? String == "GET")
    #expect((link?["href"] as? String)?.hasSuffix("/api/2.0/security/activeconnections") == true)
    #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
    await portal.server.stop()
  }

  @Test func acceptedConnectionsSendWithoutNagleDelay() async throws {
    let portal = try await RawPortal.start()
    let client = try SocketProbe.connect(
      port: portal.server.port, request: "GET /api/2.0/people/@self HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    defer { close(client.socket) }
    let noDelay = SocketProbe.noDelayOfAcceptedSocket(serverPort: portal.server.port, clientPort: client.localPort)
    #expect(noDelay == 1)
    await portal.server.stop()
  }

  @Test func aVoidActionHasNoResponseAndCountZero() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("admin@example.com")
    let answer = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutall/\(RawPortal.ownerId)", cookie: token)
    #expect(answer.json["response"] == nil)
    #expect(answer.json["count"] as? Int == 0)
    await portal.server.stop()
  }

  @Test func connectionItemsHaveTheDocumentedTypesAndPortalLocalDates() async throws {
    let portal = try await RawPortal.start { $0.timeZoneMinutes = 180 }
    let token = try await portal.signIn("owner@example.com")
    for item in try await portal.connections(token).items {
      #expect(
        item["id"] is Int && item["tenantId"] is Int && item["userId"] is String && item["mobile"] as? Bool == false)
      let date = item["date"] as? String ?? ""
      #expect(date.range(of: Self.apiDate, options: .regularExpression) != nil)
      #expect(date.hasSuffix("+03:00"))
    }
    let first = try await portal.connections(token).items.first
    #expect(first?["browser"] as? String == "Chrome 120")
    #expect(first?["platform"] as? String == "Windows 10")
    await portal.server.stop()
  }

  @Test(arguments: [
    "/api/2.0/security/activeconnections/logout/abc", "/api/2.0/security/activeconnections/logoutall/not-a-guid",
    "/api/2.0/security/activeconnections/user/66faa6e4-f133-11ea-b126-00ffeec8b4ef", "/api/2.0/nothing",
  ])
  func unmatchedRoutesAre404WithAnEmptyBody(_ path: String) async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let answer = try await portal.request(path.contains("logout") ? "PUT" : "GET", path, cookie: token)
    #expect(answer.status == 404)
    #expect(answer.body.isEmpty)
    await portal.server.stop()
  }

  @Test func peopleArePagedWithATotal() async throws {
    let portal = try await RawPortal.start { $0.users = 20 }
    let token = try await portal.signIn("owner@example.com")
    let page = try await portal.request("GET", "/api/2.0/people?count=10&startIndex=20", cookie: token)
    #expect(page.json["count"] as? Int == 5)
    #expect(page.json["total"] as? Int == 25)
    let invalid = try await portal.request("GET", "/api/2.0/people?count=101", cookie: token)
    #expect(invalid.status == 400)
    #expect(invalid.json["status"] as? Int == 1)
    #expect(((invalid.response as? [String: Any])?["errors"] as? [String: Any])?["count"] != nil)
    await portal.server.stop()
  }

  @Test(arguments: RawPortal.roles)
  func peopleListsAndTheLoginHistoryFollowTheRoles(_ email: String) async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn(email)
    let people = try await portal.request("GET", "/api/2.0/people", cookie: token)
    let history = try await portal.request("GET", "/api/2.0/security/audit/login/filter", cookie: token)
    let canList = ["owner@example.com", "admin@example.com", "roomadmin@example.com"].contains(email)
    #expect(people.status == (canList ? 200 : 403))
    #expect(history.status == (PermissionMatrixTests.admins.contains(email) ? 200 : 403))
    let me = try await portal.request("GET", "/api/2.0/people/@self", cookie: token)
    #expect((me.response as? [String: Any])?["email"] as? String == email)
    await portal.server.stop()
  }

  @Test func roleFlagsAreTheServers() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let owner = try await portal.request("GET", "/api/2.0/people/@self", cookie: token).response as? [String: Any]
    #expect(owner?["isOwner"] as? Bool == true)
    #expect(owner?["isAdmin"] as? Bool == false)
    let guest =
      try await portal.request("GET", "/api/2.0/people/email?email=guest@example.com", cookie: token).response
      as? [String: Any]
    #expect(guest?["isVisitor"] as? Bool == true)
    await portal.server.stop()
  }
}
