import Foundation
import Testing

@testable import DocSpaceSimulator

/// Sign-in, scheme selection and sign-out as AuthenticationController.cs, BaseStartup.cs's
/// scheme selector, the auth handlers and BruteForceLoginManager.cs do them.
@Suite struct AuthenticationFidelityTests {
  @Test func thePasswordIsTrimmed() async throws {
    let portal = try await RawPortal.start()
    let answer = try await portal.signIn(
      body: RawPortal.credentials("user@example.com", password: "  demo-password\\t"))
    #expect(answer.status == 200)
    await portal.server.stop()
  }

  @Test func aSessionSignInHasNoExpiryInTheBodyOrTheCookie() async throws {
    let portal = try await RawPortal.start()
    let answer = try await portal.signIn(body: RawPortal.credentials("user@example.com", session: true))
    #expect((answer.response as? [String: Any])?["expires"] as? String == "0001-01-01T00:00:00")
    let cookie = try #require(answer.header("Set-Cookie"))
    #expect(cookie.hasPrefix("asc_auth_key="))
    #expect(!cookie.contains("expires="))
    #expect(cookie.hasSuffix("; path=/; samesite=strict; httponly"))
    let lasting = try await portal.signIn(body: RawPortal.credentials("user@example.com"))
    #expect(lasting.header("Set-Cookie")?.contains("; expires=") == true)
    await portal.server.stop()
  }

  @Test func basicAnswersCarryWWWAuthenticateWhetherOrNotTheyAuthenticate() async throws {
    let portal = try await RawPortal.start()
    let good = "Basic " + Data("user@example.com:demo-password".utf8).base64EncodedString()
    let bad = "Basic " + Data("user@example.com:wrong".utf8).base64EncodedString()
    let accepted = try await portal.send("GET", "/api/2.0/people/@self", headers: [("Authorization", good)])
    #expect(accepted.status == 200)
    #expect(accepted.header("WWW-Authenticate") == "Basic")
    let refused = try await portal.send("GET", "/api/2.0/people/@self", headers: [("Authorization", bad)])
    #expect(refused.status == 401)
    #expect(refused.body.isEmpty)
    #expect(refused.header("WWW-Authenticate") == "Basic")
    let bearer = try await portal.send("GET", "/api/2.0/people/@self", headers: [("Authorization", "Bearer nope")])
    #expect(bearer.status == 401)
    #expect(bearer.header("WWW-Authenticate") == nil)
    await portal.server.stop()
  }

  @Test func theAuthorizationHeaderChoosesTheSchemeAndOnlyTheCookieSchemePrefersTheCookie() async throws {
    let portal = try await RawPortal.start()
    let ownerCookie = try await portal.signIn("owner@example.com")
    let userToken = try await portal.signIn("user@example.com")
    let userKey = try #require(await portal.server.apiKeys().first { $0.email == "user@example.com" }?.key)
    let basic = "Basic " + Data("user@example.com:demo-password".utf8).base64EncodedString()
    func me(_ authorization: String) async throws -> String? {
      let answer = try await portal.request(
        "GET", "/api/2.0/people/@self", cookie: ownerCookie, authorization: authorization)
      return (answer.response as? [String: Any])?["email"] as? String
    }
    #expect(try await me("Bearer \(userKey)") == "user@example.com")
    #expect(try await me(basic) == "user@example.com")
    #expect(try await me("Bearer \(userToken)") == "owner@example.com")
    #expect(try await me(userToken) == "owner@example.com")
    await portal.server.stop()
  }

  @Test func anApiKeyWithoutBearerIs401() async throws {
    let portal = try await RawPortal.start()
    let key = try #require(await portal.server.apiKeys().first { $0.email == "owner@example.com" }?.key)
    let bare = try await portal.send("GET", "/api/2.0/people/@self", headers: [("Authorization", key)])
    #expect(bare.status == 401)
    let bearer = try await portal.send("GET", "/api/2.0/people/@self", headers: [("Authorization", "Bearer \(key)")])
    #expect(bearer.status == 200)
    await portal.server.stop()
  }

  @Test func theQueryOverridesTheAddressAndAgentThatTheLoginEventRecords() async throws {
    let portal = try await RawPortal.start()
    let agent = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"
    let query =
      "?request-x-real-ip=198.51.100.77&request-user-agent="
      + (agent.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    let answer = try await portal.signIn(body: RawPortal.credentials("user@example.com"), query: query)
    #expect(answer.status == 200)
    let owner = try await portal.signIn("owner@example.com")
    let last = try await portal.request("GET", "/api/2.0/security/audit/login/last", cookie: owner)
    let event = (last.response as? [[String: Any]])?.first {
      $0["userId"] as? String == "2daf5e40-7c3f-4081-9d9c-3e4f5a6b7c83"
    }
    #expect(event?["ip"] as? String == "198.51.100.77")
    #expect(event?["browser"] as? String == "Firefox 121")
    #expect(event?["platform"] as? String == "Linux")
    await portal.server.stop()
  }

  @Test func aBearerOnlyLogoutDeletesNoCookieKeepsTheTokenAndRecordsALogout() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("user@example.com")
    let answer = try await portal.send(
      "POST", "/api/2.0/authentication/logout", headers: [("Authorization", "Bearer \(token)")])
    #expect(answer.status == 200)
    #expect(RawPortal.values("Set-Cookie", in: answer).isEmpty)
    let newest = try #require(await portal.server.loginHistory().first)
    #expect(newest.action == 1006)
    #expect(newest.userId == "2daf5e40-7c3f-4081-9d9c-3e4f5a6b7c83")
    let still = try await portal.send(
      "GET", "/api/2.0/security/activeconnections", headers: [("Authorization", "Bearer \(token)")])
    #expect(still.status == 200)
    await portal.server.stop()
  }

  @Test func aCookieLogoutEndsTheConnectionAndDeletesTheCookie() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("user@example.com")
    let answer = try await portal.request("POST", "/api/2.0/authentication/logout", cookie: token)
    #expect(
      RawPortal.values("Set-Cookie", in: answer) == ["asc_auth_key=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/"])
    #expect(try await portal.request("GET", "/api/2.0/security/activeconnections", cookie: token).status == 401)
    await portal.server.stop()
  }

  @Test func theBruteForceBlockLasts60SecondsFromTheBlockingAttempt() async {
    let state = PortalState(options: SimulatorOptions())
    let start = Date()
    func attempt(_ password: String, at seconds: Double) async -> String {
      switch await state.signIn(
        login: "user@example.com", password: password, session: false, ip: "203.0.113.5", agent: nil, page: "",
        now: start.addingTimeInterval(seconds))
      {
      case .success: return "ok"
      case .failed: return "failed"
      case .blocked: return "blocked"
      case .disabled: return "disabled"
      }
    }
    for second in 0..<5 { #expect(await attempt("wrong", at: Double(second)) == "failed") }
    #expect(await attempt("demo-password", at: 50) == "blocked")
    // The failures have left the 60 s period, but the block runs from second 50.
    #expect(await attempt("demo-password", at: 100) == "blocked")
    #expect(await attempt("demo-password", at: 111) == "ok")
  }

  @Test func aBlockedAttemptDoesNotExtendTheBlock() async {
    let state = PortalState(options: SimulatorOptions())
    let start = Date()
    func attempt(_ password: String, at seconds: Double) async -> Bool {
      if case .success = await state.signIn(
        login: "User@Example.com", password: password, session: false, ip: "203.0.113.5", agent: nil, page: "",
        now: start.addingTimeInterval(seconds))
      {
        return true
      }
      return false
    }
    // The sixth attempt, at second 5, blocks until second 65.
    for second in 0..<6 { _ = await attempt("wrong", at: Double(second)) }
    #expect(await attempt("demo-password", at: 30) == false)
    #expect(await attempt("demo-password", at: 64) == false)
    #expect(await attempt("demo-password", at: 66) == true)
  }
}
