import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import DocSpaceVerbs
import Foundation
import Testing

/// What a verb declares it calls is what it calls: for every verb with calls, the requests
/// it sends (the simulator's log) and plans (the session's call log) are declared routes,
/// come in the declared order, and include every call declared without a condition; a dry
/// run sends no change and plans only declared changes.
@Suite(.timeLimit(.minutes(2))) struct VerbCallsTests {
  /// One run of a verb: what runs first (not measured), the measured statement, the account.
  struct Scenario: Sendable, CustomStringConvertible {
    var verb: String
    var setup = ""
    var code: String
    var user = "owner@example.com"
    /// How many changes a dry run plans.
    var planned = 0
    /// Generated users besides the role accounts; `$generated` holds their emails, met nowhere before.
    var users = 0

    var description: String { code }
  }

  static let scenarios: [Scenario] = [
    Scenario(verb: "sessions", code: "sessions"),
    Scenario(verb: "revoke", setup: "$s = sessions | where not current", code: "revoke $s --yes", planned: 3),
    Scenario(verb: "revoke", code: "revoke 999999", planned: 1),
    Scenario(
      verb: "revoke", setup: "$s = logins --user user@example.com --action login --limit 1", code: "revoke $s[0]",
      planned: 1),
    Scenario(verb: "revoke-user", code: "revoke-user user@example.com --yes", planned: 1),
    Scenario(
      verb: "revoke-user", setup: "$u = user user@example.com", code: "revoke-user $u.id --yes", planned: 1),
    Scenario(verb: "revoke-user", code: "revoke-user $generated --yes", planned: 12, users: 12),
    Scenario(verb: "revoke-others", code: "revoke-others --yes", planned: 1),
    Scenario(verb: "change-password", code: "change-password --yes", planned: 1),
    Scenario(verb: "logins", code: "logins --limit 5"),
    Scenario(verb: "logins", code: "logins --user user@example.com --limit 2"),
    Scenario(verb: "sessions-of", code: "sessions-of user@example.com"),
    Scenario(verb: "whoami", code: "whoami"),
    Scenario(verb: "users", code: "users"),
    Scenario(verb: "users", code: "users --search user"),
    Scenario(verb: "user", code: "user admin@example.com"),
    Scenario(verb: "user", setup: "$u = whoami", code: "user $u.id"),
    Scenario(verb: "connect", code: "connect $portal --user owner@example.com"),
    Scenario(verb: "disconnect", code: "disconnect", planned: 1),
  ]

  @Test func everyVerbThatCallsTheAPIHasAScenario() {
    let registry = CommandRegistry(DocSpaceVerbs.all(PortalConnection()))
    let covered = Set(Self.scenarios.map(\.verb))
    let calling = registry.all.filter { !$0.calls.isEmpty }.map(\.name)
    #expect(calling.filter { !covered.contains($0) }.isEmpty)
  }

  @Test(arguments: scenarios)
  func aRunSendsWhatTheVerbDeclares(_ scenario: Scenario) async throws {
    let calls = try await Self.measure(scenario, dryRun: false)
    try Self.expectDeclared(calls, scenario: scenario, dryRun: false)
    #expect(calls.allSatisfy { !$0.planned }, "\(calls.map(\.line))")
  }

  @Test(arguments: scenarios)
  func aDryRunSendsTheDeclaredReadsAndPlansTheDeclaredChanges(_ scenario: Scenario) async throws {
    let calls = try await Self.measure(scenario, dryRun: true)
    try Self.expectDeclared(calls, scenario: scenario, dryRun: true)
    #expect(calls.filter { !$0.planned }.allSatisfy { !$0.isMutating || $0.line == "POST /api/2.0/authentication" })
    #expect(calls.filter(\.planned).count == scenario.planned, "\(calls.map(\.line))")
  }

  /// One call as the test compares it: the route it was sent to, and whether it was planned.
  struct Call {
    var method: String
    var path: String
    var planned: Bool
    var line: String { "\(method) \(path)" }
    var isMutating: Bool { method != "GET" }
  }

  /// Runs the scenario's statement and returns what it sent or planned, from the session's
  /// call log, after checking that the sent ones are exactly what the simulator received.
  static func measure(_ scenario: Scenario, dryRun: Bool) async throws -> [Call] {
    var options = SimulatorOptions()
    options.users = scenario.users
    let shell = try await TestShell.start(
      as: scenario.user, options: options, environment: ["DOCSPACE_PASSWORD": "demo-password"])
    await shell.session.interpreter.setVariable("portal", .string(shell.simulator.url))
    let generated = await shell.simulator.accounts().dropFirst(5).map { Value.string($0.email) }
    await shell.session.interpreter.setVariable("generated", .list(Array(generated)))
    if !scenario.setup.isEmpty {
      let prepared = await shell.run(scenario.setup)
      #expect(prepared.code == 0, "setup: \(shell.capture.stderr)")
    }
    let received = await shell.simulator.receivedRequests().count
    let logged = shell.session.portal.calls.all.count
    let outcome = await shell.run(dryRun ? "set dry-run on\n" + scenario.code : scenario.code)
    #expect(outcome.code == 0, "\(scenario.code): \(shell.capture.stderr)")
    let sent = Array(await shell.simulator.receivedRequests().dropFirst(received))
    let entries = shell.session.portal.calls.all.dropFirst(logged)
    await shell.stop()
    let calls = entries.map { entry in
      Call(
        method: entry.request.method,
        path: String(entry.request.path.split(separator: "?", maxSplits: 1).first ?? ""),
        planned: entry.planned)
    }
    // Concurrent requests may reach the portal in another order than they were logged.
    #expect(calls.filter { !$0.planned }.map(\.line).sorted() == sent.sorted(), "the call log and the portal disagree")
    return calls
  }

  /// Each call is a declared route of the verb, in the declared order (a call may repeat);
  /// every call declared without a condition happened.
  static func expectDeclared(_ calls: [Call], scenario: Scenario, dryRun: Bool) throws {
    let registry = CommandRegistry(DocSpaceVerbs.all(PortalConnection()))
    let declared = try #require(registry[scenario.verb]).calls
    var cursor = 0
    var made = Set<Int>()
    for call in calls {
      let route = try #require(
        Endpoint.route(method: call.method, path: call.path), "\(call.line) is no declared route")
      guard let index = declared[cursor...].firstIndex(where: { $0.line == route.line }) else {
        Issue.record(
          "\(scenario.code): \(route.line) is not declared by \(scenario.verb) at or after call \(cursor + 1); declared: \(declared.map(\.line)); made: \(calls.map(\.line))"
        )
        return
      }
      if call.planned { #expect(declared[index].isMutating, "\(route.line) was planned but is no change") }
      cursor = index
      made.insert(index)
    }
    for (index, call) in declared.enumerated() where call.when == nil {
      #expect(made.contains(index), "\(scenario.code): \(call.line) is declared unconditional but was not made")
    }
  }
}
