import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

/// The client against a misbehaving portal: failures, rate limits, slowness.
@Suite struct ResilienceTests {
  @Test func aBulkRevokeUnderTwentyPercentFailuresLosesNothingAndCountsNothingTwice() async throws {
    var options = SimulatorOptions()
    options.sessionsPerUser = 200
    options.failRate = 0.2
    let shell = try await TestShell.start(options: options)
    let outcome = await shell.run(
      "$s = sessions | where not current\ntry { $r = revoke $s --yes } catch { $r = $error.results }\n",
      origin: "bulk.dsh")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let targets = await shell.session.interpreter.variables["s"]?.asList?.compactMap { $0.asRecord?["id"]?.asInt } ?? []
    #expect(targets.count == 200)
    let reported = await shell.session.interpreter.variables["r"]?.asList?.compactMap(\.asRecord) ?? []
    let client = try await shell.client()
    let remaining = Set(try await client.activeConnections().items.map(\.id))
    let closed = reported.filter { $0["outcome"]?.asString == "closed" }.compactMap { $0["target"]?.asInt }
    let failed = reported.filter { $0["outcome"]?.asString == "failed" }.compactMap { $0["target"]?.asInt }
    #expect(Set(closed).count == closed.count, "a target counted twice")
    #expect(closed.count + failed.count == 200, "every target revoked or reported")
    #expect(remaining.isDisjoint(with: closed), "a target reported closed is still active")
    #expect(Set(failed).isSubset(of: remaining), "a target reported failed is gone")
    await client.shutdown()
    await shell.stop()
  }

  @Test func theRateLimiterIsWaitedOutAndEveryTargetEnds() async throws {
    var options = SimulatorOptions()
    options.sessionsPerUser = 40
    options.rateLimit = true
    // The test talks over loopback, which the shipped limiter exempts.
    options.rateLimitExemptsLoopback = false
    options.latencyMilliseconds = 150
    let shell = try await TestShell.start(options: options)
    let outcome = await shell.run(
      "set concurrency 32\n$r = revoke (sessions | where not current) --yes\n", origin: "limit.dsh")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let results = await shell.session.interpreter.variables["r"]?.asList ?? []
    #expect(results.count == 40)
    #expect(results.allSatisfy { $0.asRecord?["outcome"]?.asString == "closed" })
    let received = await shell.simulator.receivedRequests().filter { $0.hasPrefix("PUT") }
    #expect(received.count > 40, "the limiter never answered 429, so nothing was retried")
    await shell.stop()
  }

  @Test func aSlowPortalTimesOutWithAMessageNamingTheRequest() async throws {
    var options = SimulatorOptions()
    options.port = 0
    options.latencyMilliseconds = 2000
    let server = try await SimulatorServer.start(options)
    var configuration = PortalConfiguration(baseURL: URL(string: server.url)!, credential: .none)
    configuration.requestTimeout = 0.3
    configuration.maximumAttempts = 1
    let client = try DocSpaceClient(configuration: configuration)
    await #expect(throws: APIError.timedOut(APIRequest("GET", "/api/2.0/authentication"))) {
      _ = try await client.raw(method: "GET", path: "/api/2.0/authentication", body: nil)
    }
    await client.shutdown()
    await server.stop()
  }

  @Test func plainHTTPIsRefusedBeyondLoopback() {
    let configuration = PortalConfiguration(baseURL: URL(string: "http://portal.example.com")!, credential: .none)
    #expect(throws: APIError.insecureURL("http://portal.example.com")) {
      _ = try DocSpaceClient(configuration: configuration)
    }
  }

  @Test func aTokenIsSentAsACookieAndAnAPIKeyAsBearer() {
    #expect(Credential(token: "abc").loginToken == "abc")
    #expect(Credential(token: "sk-123") == .apiKey("sk-123"))
    #expect(Credential(token: "  ") == .none)
  }

  @Test func apiDatesParseZeroToSevenFractionDigitsAndOffsets() {
    let base = ApiDate.parse("2026-07-10T12:04:05Z")!
    #expect(ApiDate.parse("2026-07-10T15:04:05.0000000+03:00") == base)
    #expect(ApiDate.parse("2026-07-10T07:04:05.5-05:00") == base.addingTimeInterval(0.5))
    #expect(ApiDate.parse("2026-07-10T12:04:05.12345678Z") == nil)
    #expect(ApiDate.parse("not a date") == nil)
  }
}
