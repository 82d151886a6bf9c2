import DocSpaceSimulator
import Foundation
import Testing

/// `audit/login/filter` as DocSpace 3.7 answers it (`docspace-api.md` §5): paging before the
/// filters, the query's model validation, failures under Guest, plans without Audit.
@Suite(.timeLimit(.minutes(2))) struct LoginFilterPagingTests {
  static let filter = "/api/2.0/security/audit/login/filter"

  static func ids(_ answer: RawPortal.Answer) -> [Int] {
    (answer.response as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
  }

  static func errors(_ answer: RawPortal.Answer) -> [String: Any] {
    (answer.response as? [String: Any])?["errors"] as? [String: Any] ?? [:]
  }

  @Test func aFilteredPageCanBeEmptyWhileALaterPageHoldsMatches() async throws {
    let portal = try await RawPortal.start {
      $0.users = 250
      $0.historyEvents = 3000
    }
    let token = try await portal.signIn("owner@example.com")
    let history = await portal.server.loginHistory()
    // Someone with no event among the newest 100 but with events on the third page.
    let newest = Set(history.prefix(100).map(\.userId))
    let thirdPage = Array(history.dropFirst(200).prefix(100))
    let someone = try #require(thirdPage.map(\.userId).first { !newest.contains($0) })
    let first = try await portal.request("GET", "\(Self.filter)?userId=\(someone)&count=100", cookie: token)
    #expect(first.status == 200)
    #expect(Self.ids(first).isEmpty)
    let third = try await portal.request(
      "GET", "\(Self.filter)?userId=\(someone)&count=100&startIndex=200", cookie: token)
    #expect(Self.ids(third) == thirdPage.filter { $0.userId == someone }.map(\.id))
    #expect(!Self.ids(third).isEmpty)
    await portal.server.stop()
  }

  @Test func unfilteredPagesFollowOneAnotherNewestFirst() async throws {
    let portal = try await RawPortal.start { $0.historyEvents = 450 }
    let token = try await portal.signIn("owner@example.com")
    let history = await portal.server.loginHistory()
    var read: [Int] = []
    for start in stride(from: 0, to: history.count + 100, by: 100) {
      read += Self.ids(try await portal.request("GET", "\(Self.filter)?startIndex=\(start)&count=100", cookie: token))
    }
    #expect(read == history.map(\.id))
    await portal.server.stop()
  }

  @Test(arguments: ["0", "101", "-1"])
  func aCountOutsideOneToAHundredIs400(_ count: String) async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let answer = try await portal.request("GET", "\(Self.filter)?count=\(count)", cookie: token)
    #expect(answer.status == 400)
    #expect(answer.json["status"] as? Int == 1)
    #expect(Self.errors(answer)["count"] as? [String] == ["The field Count must be between 1 and 100."])
    await portal.server.stop()
  }

  @Test(arguments: [
    ("userId=not-a-guid", "userId"), ("action=99999", "action"), ("action=Nonsense", "action"),
    ("startIndex=x", "startIndex"),
  ])
  func aMalformedParameterIs400NamingIt(_ query: String, _ key: String) async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let answer = try await portal.request("GET", "\(Self.filter)?\(query)", cookie: token)
    #expect(answer.status == 400)
    #expect(Self.errors(answer)[key] != nil)
    await portal.server.stop()
  }

  @Test func validationComesBeforeThePermissionCheck() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("user@example.com")
    #expect(try await portal.request("GET", "\(Self.filter)?count=0", cookie: token).status == 400)
    #expect(try await portal.request("GET", "\(Self.filter)?count=5", cookie: token).status == 403)
    await portal.server.stop()
  }

  @Test(arguments: ["1013", "LoginFailViaApi", "loginfailviaapi"])
  func theActionFilterTakesANumberOrAName(_ action: String) async throws {
    let portal = try await RawPortal.start { $0.historyEvents = 300 }
    let token = try await portal.signIn("owner@example.com")
    let page = Array(await portal.server.loginHistory().prefix(100))
    let answer = try await portal.request("GET", "\(Self.filter)?action=\(action)&count=100", cookie: token)
    #expect(answer.status == 200)
    #expect(Self.ids(answer) == page.filter { $0.action == 1013 }.map(\.id))
    #expect(!Self.ids(answer).isEmpty)
    await portal.server.stop()
  }

  @Test func aUserIdIsTakenInEveryFormGuidParseKnows() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let plain = try await portal.request("GET", "\(Self.filter)?userId=\(RawPortal.ownerId)", cookie: token)
    let compact = RawPortal.ownerId.replacingOccurrences(of: "-", with: "").uppercased()
    let digits = try await portal.request("GET", "\(Self.filter)?userId=\(compact)", cookie: token)
    #expect(digits.status == 200)
    #expect(Self.ids(digits) == Self.ids(plain))
    #expect(!Self.ids(plain).isEmpty)
    await portal.server.stop()
  }

  @Test func aNegativeStartIndexSkipsNothing() async throws {
    let portal = try await RawPortal.start { $0.historyEvents = 50 }
    let token = try await portal.signIn("owner@example.com")
    let negative = try await portal.request("GET", "\(Self.filter)?startIndex=-5&count=10", cookie: token)
    let zero = try await portal.request("GET", "\(Self.filter)?startIndex=0&count=10", cookie: token)
    #expect(negative.status == 200)
    #expect(Self.ids(negative) == Self.ids(zero))
    await portal.server.stop()
  }

  @Test func aFailedSignInIsRecordedUnderGuestWithTheTypedLogin() async throws {
    let portal = try await RawPortal.start()
    let failed = try await portal.request(
      "POST", "/api/2.0/authentication", body: "{\"userName\":\"User@Example.com\",\"password\":\"wrong\"}")
    #expect(failed.status == 401)
    let token = try await portal.signIn("owner@example.com")
    let answer = try await portal.request("GET", "\(Self.filter)?action=1013&count=100", cookie: token)
    let events = answer.response as? [[String: Any]] ?? []
    #expect(events.count == 1)
    #expect(events.first?["userId"] as? String == SimulatorServer.guestAccountId)
    #expect(events.first?["user"] as? String == "User@Example.com")
    #expect(events.first?["login"] as? String == "User@Example.com")
    #expect(events.first?["action"] as? String == "Failed Login via API")
    await portal.server.stop()
  }

  @Test func withoutTheAuditFeatureEveryQueryGetsTheLatestTwenty() async throws {
    let portal = try await RawPortal.start {
      $0.audit = false
      $0.historyEvents = 300
    }
    let token = try await portal.signIn("owner@example.com")
    let latest = Array(await portal.server.loginHistory().prefix(20).map(\.id))
    let later = try await portal.request(
      "GET", "\(Self.filter)?startIndex=200&count=5&userId=\(RawPortal.ownerId)", cookie: token)
    #expect(later.status == 200)
    #expect(Self.ids(later) == latest)
    let last = try await portal.request("GET", "/api/2.0/security/audit/login/last", cookie: token)
    #expect(Self.ids(last) == latest)
    #expect(try await portal.request("GET", "\(Self.filter)?count=101", cookie: token).status == 400)
    await portal.server.stop()
  }
}
