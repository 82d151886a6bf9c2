import DSHLanguage
import DSHShell
import Foundation
import Testing

/// Questions and results name people as `Display Name <email>`, looked up once per person.
@Suite struct NamesTests {
  static let uma = "2daf5e40-7c3f-4081-9d9c-3e4f5a6b7c83"
  static let gus = "3eb06f51-8d40-4192-8ead-4f5a6b7c8d94"

  /// Binds `$a`, `$b`, `$c`, `$d` to the sign-ins of four people other than the owner.
  static func bindSignIns(_ shell: TestShell) async {
    let emails = ["user@example.com", "guest@example.com", "admin@example.com", "roomadmin@example.com"]
    for (variable, email) in zip(["a", "b", "c", "d"], emails) {
      await shell.run("$\(variable) = sessions-of \(email)")
    }
  }

  static func lookups(_ shell: TestShell, of id: String) async -> Int {
    await shell.simulator.receivedRequests().filter { $0 == "GET /api/2.0/people/\(id)" }.count
  }

  @Test func aSingleRevokeUserOfAnotherPersonAsksInTheREPLAndNamesThem() async throws {
    let (shell, asked) = try await SafetyAndTeachingTests.startAnsweringNo(interactive: true)
    let outcome = await shell.run("revoke-user user@example.com")
    #expect(outcome.code == 1)
    #expect(await asked.questions == ["End every session of Uma User <user@example.com>?"])
    #expect(await shell.simulator.receivedRequests().allSatisfy { !$0.hasPrefix("PUT") })
    await shell.stop()
  }

  @Test func revokeNamesTheOwnersOfTheSessionsAndSumsUpAfterThree() async throws {
    let (shell, asked) = try await SafetyAndTeachingTests.startAnsweringNo(interactive: true)
    await Self.bindSignIns(shell)
    await shell.run("revoke [$a[0], $a[1], $b[0], $c[0], $d[0]]")
    #expect(await asked.questions == ["End 5 sessions of Uma User <user@example.com> and 3 others?"])
    await shell.run("revoke [$a[0], $b[0]]")
    #expect(
      await asked.questions.last == "End 2 sessions of Uma User <user@example.com> and Gus Guest <guest@example.com>?")
    await shell.stop()
  }

  @Test func revokeResultsKeepTheConnectionIdAndAddItsUsersName() async throws {
    let shell = try await TestShell.start()
    await Self.bindSignIns(shell)
    #expect(await shell.run("$r = revoke [$a[0], $b[0]] --yes").code == 0, "\(shell.capture.stderr)")
    let variables = await shell.session.interpreter.variables
    let given = variables["a"]?.asList?.first?.asRecord?["id"]
    let results = try #require(variables["r"]?.asList?.compactMap { $0.asRecord })
    #expect(results.map { $0["target"] } == [given, variables["b"]?.asList?.first?.asRecord?["id"]])
    #expect(
      results.map { $0["name"]?.asString } == ["Uma User <user@example.com>", "Gus Guest <guest@example.com>"])
    await shell.stop()
  }

  @Test func revokeUserResultsKeepTheTargetAsGivenAndAddTheName() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("$r = revoke-user [\"user@example.com\", \"\(Self.gus)\"] --yes")
    #expect(outcome.code == 0, "\(shell.capture.stderr)")
    let results = try #require(await shell.session.interpreter.variables["r"]?.asList?.compactMap { $0.asRecord })
    #expect(results.map { $0["target"]?.asString } == ["user@example.com", Self.gus])
    #expect(
      results.map { $0["name"]?.asString } == ["Uma User <user@example.com>", "Gus Guest <guest@example.com>"])
    #expect(results.map { $0["outcome"]?.asString } == ["closed", "closed"])
    await shell.stop()
  }

  @Test func oneLookupPerPersonNeverOnePerSession() async throws {
    let shell = try await TestShell.start()
    await shell.run("$a = sessions-of user@example.com")
    let count = await shell.session.interpreter.variables["a"]?.asList?.count ?? 0
    try #require(count >= 2, "the fixture gives Uma at least two sign-ins")
    #expect(await shell.run("revoke $a --yes").code == 0, "\(shell.capture.stderr)")
    #expect(await Self.lookups(shell, of: Self.uma) == 1)
    await shell.stop()
  }

  @Test func theUserRecordsGivenNameThemWithoutALookup() async throws {
    let (shell, asked) = try await SafetyAndTeachingTests.startAnsweringNo(interactive: true)
    await shell.run("users | where email == \"guest@example.com\" | revoke-user")
    #expect(await asked.questions == ["End every session of Gus Guest <guest@example.com>?"])
    #expect(await Self.lookups(shell, of: Self.gus) == 0)
    await shell.stop()
  }

  @Test func theShellsOwnSessionsAreYoursInTheQuestion() async throws {
    let (shell, asked) = try await SafetyAndTeachingTests.startAnsweringNo(interactive: true)
    await shell.run("revoke (sessions | where not current)")
    #expect(await asked.questions == ["End 3 sessions of you?"])
    #expect(
      await shell.simulator.receivedRequests().allSatisfy {
        !$0.hasPrefix("GET /api/2.0/people/") || $0.hasSuffix("@self")
      })
    await shell.stop()
  }
}
