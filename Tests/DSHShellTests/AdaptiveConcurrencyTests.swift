import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

/// Bulk verbs at the default `set concurrency auto`, against the simulator over loopback:
/// they reach what the portal allows, and every session meant to end does.
@Suite(.serialized, .timeLimit(.minutes(3))) struct AdaptiveConcurrencyTests {
  /// A user's connections the portal still holds open.
  static func openConnections(of userId: String, _ shell: TestShell) async -> Int {
    await shell.simulator.loginHistory().filter { $0.userId == userId && $0.isOpenConnection }.count
  }

  static func outcomes(_ name: String, _ shell: TestShell) async -> [String] {
    await shell.session.interpreter.variables[name]?.asList?.compactMap { $0.asRecord?["outcome"]?.asString } ?? []
  }

  static let ownerId = "66faa6e4-f133-11ea-b126-00ffeec8b4ef"

  /// Revokes every session of the owner but the shell's own, `sessions` of them at
  /// `latency` ms each, after `settings` (`set` lines); checks that every one was closed and
  /// that only the shell's own connection is left.
  ///
  /// The shell is returned, to be stopped.
  static func revokeAllButOwn(
    _ sessions: Int, latency: Int, limited: Bool = false, settings: String = ""
  ) async throws -> TestShell {
    var options = SimulatorOptions()
    options.sessionsPerUser = sessions
    options.latencyMilliseconds = latency
    options.rateLimit = limited
    // Loopback is exempt in the shipped config; the test must be limited.
    options.rateLimitExemptsLoopback = !limited
    let shell = try await TestShell.start(options: options)
    let outcome = await shell.run(settings + "$r = revoke (sessions | where not current) --yes\n")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let outcomes = await Self.outcomes("r", shell)
    #expect(outcomes.count == sessions)
    #expect(outcomes.allSatisfy { $0 == "closed" }, "\(Dictionary(grouping: outcomes) { $0 }.mapValues(\.count))")
    #expect(await Self.openConnections(of: Self.ownerId, shell) == 1, "a session was left open")
    return shell
  }

  @Test func threeHundredRevokesAgainstTheRateLimiterAllEndWithNoFailure() async throws {
    let shell = try await Self.revokeAllButOwn(300, latency: 20, limited: true)
    await shell.stop()
  }

  @Test func withoutALimitTheRunGoesAboveEightInFlight() async throws {
    let shell = try await Self.revokeAllButOwn(400, latency: 20)
    let peak = await shell.simulator.peakConcurrentRequests()
    #expect(peak > 8)
    #expect(peak <= 64)
    await shell.stop()
  }

  @Test func aFixedConcurrencyIsNeverExceeded() async throws {
    let shell = try await Self.revokeAllButOwn(60, latency: 10, settings: "set concurrency 3\n")
    #expect(await shell.simulator.peakConcurrentRequests() <= 3)
    await shell.stop()
  }

  @Test func revokeUserOverFortyEmailsFindsThemInOnePagedScanAndEndsEverySession() async throws {
    var options = SimulatorOptions()
    // 1,005 people: eleven pages of the people list, more than are read at once.
    options.users = 1000
    options.sessionsPerUser = 2
    let shell = try await TestShell.start(options: options)
    // Forty spread over the pages, the last one's included.
    let generated = await shell.simulator.accounts().dropFirst(5).sorted { $0.email < $1.email }
    let chosen = stride(from: generated.count - 1, to: 0, by: -25).prefix(40).map { generated[$0] }
    // Emails as given by hand, in another case than the portal's: matched case-insensitively.
    let emails = chosen.map { Value.string($0.email.uppercased()) }
    await shell.session.interpreter.setVariable("emails", .list(emails))
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run("$r = revoke-user $emails --yes\n")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let sent = await shell.simulator.receivedRequests().dropFirst(before)
    #expect(sent.filter { $0 == "GET /api/2.0/people" }.count == 11, "one scan: eleven pages")
    #expect(!sent.contains { $0.hasPrefix("GET /api/2.0/people/") && $0 != "GET /api/2.0/people/@self" })
    #expect(sent.filter { $0.hasPrefix("PUT /api/2.0/security/activeconnections/logoutall/") }.count == 40)
    #expect(await Self.outcomes("r", shell) == Array(repeating: "closed", count: 40))
    let names = await shell.session.interpreter.variables["r"]?.asList?.compactMap { $0.asRecord?["name"]?.asString }
    #expect(names == chosen.map { "\($0.displayName) <\($0.email)>" })
    let history = await shell.simulator.loginHistory()
    let ids = Set(chosen.map(\.id))
    #expect(!history.contains { ids.contains($0.userId) && $0.isOpenConnection }, "a chosen user kept a session")
    #expect(history.contains { !ids.contains($0.userId) && $0.isOpenConnection }, "others' sessions stay")
    await shell.stop()
  }

  @Test func revokeUserOverFewEmailsLooksEachUp() async throws {
    var options = SimulatorOptions()
    options.users = 20
    let shell = try await TestShell.start(options: options)
    let chosen = Array(await shell.simulator.accounts().dropFirst(5).prefix(3))
    await shell.session.interpreter.setVariable("emails", .list(chosen.map { .string($0.email) }))
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run("$r = revoke-user $emails --yes\n")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let sent = await shell.simulator.receivedRequests().dropFirst(before)
    #expect(!sent.contains("GET /api/2.0/people"))
    #expect(sent.filter { $0 == "GET /api/2.0/people/email" }.count == 3)
    await shell.stop()
  }
}
