import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import DocSpaceSimulator

/// The change-password link and the rate limiter of the 3.7 server.
@Suite struct ConnectionsFidelityTests {
  @Test func theChangePasswordLinkCarriesAnOpaqueUrlSafeEncryptedEmail() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("user@example.com")
    let answer = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutallchangepassword", cookie: token)
    let link = try #require(answer.response as? String)
    #expect(link.hasPrefix(portal.server.url + "/confirm/PasswordChange?type=PasswordChange&key="))
    let components = URLComponents(string: link)
    let encemail = try #require(components?.queryItems?.first { $0.name == "encemail" }?.value)
    #expect(encemail.count >= 43)
    #expect(encemail.allSatisfy { $0.isLetter && $0.isASCII || $0.isNumber || $0 == "-" || $0 == "_" })
    #expect(!encemail.lowercased().contains("user"))
    #expect(components?.queryItems?.last?.name == "uid")
    await portal.server.stop()
  }

  @Test func concurrencyIsLimitedPerPartitionAndLoopbackIsExemptUnlessAsked() async {
    let limiter = RateLimiter(enabled: true, exemptLoopback: true)
    var leases: [RateLimiter.Lease] = []
    for _ in 0..<RateLimiter.concurrentWriteLimit {
      guard case .admitted(let lease) = await limiter.acquire(partition: "user-a", peer: "203.0.113.1", method: "PUT")
      else {
        Issue.record("a write within the limit was refused")
        return
      }
      leases.append(lease)
    }
    guard case .rejected(let headers) = await limiter.acquire(partition: "user-a", peer: "203.0.113.2", method: "PUT")
    else {
      Issue.record("the 16th write in flight was admitted")
      return
    }
    #expect(headers.contains { $0 == ("X-RateLimit-Limit", "15") })
    #expect(headers.contains { $0.0 == "Retry-After" })
    if case .rejected = await limiter.acquire(partition: "user-b", peer: "203.0.113.1", method: "PUT") {
      Issue.record("another user's partition was refused")
    }
    if case .rejected = await limiter.acquire(partition: "user-a", peer: "203.0.113.1", method: "GET") {
      Issue.record("a read was refused by the write limit")
    }
    if case .rejected = await limiter.acquire(partition: "user-a", peer: "127.0.0.1", method: "PUT") {
      Issue.record("loopback was limited")
    }
    await limiter.release(leases[0])
    if case .rejected = await limiter.acquire(partition: "user-a", peer: "203.0.113.1", method: "PUT") {
      Issue.record("a released slot was not given again")
    }
    let strict = RateLimiter(enabled: true, exemptLoopback: false)
    for _ in 0..<RateLimiter.concurrentGetLimit {
      _ = await strict.acquire(partition: "127.0.0.1", peer: "127.0.0.1", method: "GET")
    }
    guard case .rejected = await strict.acquire(partition: "127.0.0.1", peer: "127.0.0.1", method: "GET") else {
      Issue.record("the 51st read in flight over loopback was admitted with the exemption off")
      return
    }
  }

  @Test func theSlidingWindowAllows1500AMinuteAndNamesWhenItResets() async {
    let limiter = RateLimiter(enabled: true, exemptLoopback: true)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    for index in 0..<RateLimiter.slidingWindowLimit {
      guard
        case .admitted(let lease) = await limiter.acquire(
          partition: "u", peer: "203.0.113.1", method: "GET", now: start.addingTimeInterval(Double(index) * 0.01))
      else {
        Issue.record("request \(index) of the window was refused")
        return
      }
      await limiter.release(lease)
    }
    let late = start.addingTimeInterval(30)
    guard
      case .rejected(let headers) = await limiter.acquire(partition: "u", peer: "203.0.113.1", method: "GET", now: late)
    else {
      Issue.record("request 1501 within a minute was admitted")
      return
    }
    #expect(headers.contains { $0 == ("X-RateLimit-Limit", "1500") })
    #expect(headers.contains { $0 == ("X-RateLimit-Reset", "1800000060") })
    #expect(headers.contains { $0 == ("Retry-After", "30") })
    if case .rejected = await limiter.acquire(
      partition: "u", peer: "203.0.113.1", method: "GET", now: start.addingTimeInterval(60.5))
    {
      Issue.record("the window did not slide")
    }
  }

  @Test func aRejectedRequestIs429WithAnEmptyBodyAndTheLimitersHeaders() async throws {
    let portal = try await RawPortal.start {
      $0.rateLimit = true
      $0.rateLimitExemptsLoopback = false
      $0.latencyMilliseconds = 4000
    }
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    let statuses = await withTaskGroup(of: (Int, String, [(String, String)]).self) { group in
      for _ in 0..<(RateLimiter.concurrentWriteLimit + 5) {
        group.addTask {
          var request = HTTPClientRequest(url: portal.server.url + "/api/2.0/authentication/logout")
          request.method = .POST
          guard let response = try? await client.execute(request, timeout: .seconds(30)),
            let body = try? await response.body.collect(upTo: 1_000_000)
          else { return (0, "", []) }
          return (Int(response.status.code), String(buffer: body), response.headers.map { ($0.name, $0.value) })
        }
      }
      var all: [(Int, String, [(String, String)])] = []
      for await result in group { all.append(result) }
      return all
    }
    try await client.shutdown()
    let rejected = statuses.filter { $0.0 == 429 }
    #expect(rejected.count == 5, "\(statuses.map(\.0))")
    #expect(rejected.allSatisfy { $0.1.isEmpty })
    #expect(rejected.allSatisfy { $0.2.contains { $0.0 == "Retry-After" } })
    #expect(rejected.allSatisfy { $0.2.contains { $0 == ("X-RateLimit-Remaining", "0") } })
    await portal.server.stop()
  }
}

/// The simulator finds a login event by id with a binary search: that needs the events in id order.
@Suite struct EventOrderTests {
  @Test func eventsStayInIdOrderAndEachIsFoundByItsId() async {
    var options = SimulatorOptions()
    options.users = 40
    options.historyEvents = 200
    let state = PortalState(options: options)
    for _ in 0..<3 {
      _ = await state.signIn(
        login: "user@example.com", password: "demo-password", session: false, ip: "203.0.113.5", agent: nil, page: "",
        now: Date())
    }
    let ids = await state.events.map(\.id)
    #expect(ids == ids.sorted())
    for (position, id) in ids.enumerated() { #expect(await state.eventIndex(id: id) == position) }
    #expect(await state.eventIndex(id: (ids.last ?? 0) + 1) == nil)
    #expect(await state.eventIndex(id: 0) == nil)
  }
}
