import DSHLanguage
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

@testable import DocSpaceVerbs

/// The paged people scan that completion and revoke-user share.
@Suite(.timeLimit(.minutes(1))) struct PeoplePagesTests {
  @Test func theScanReadsEveryPersonWhenThereAreMorePagesThanConcurrency() async throws {
    var options = SimulatorOptions()
    options.users = 1000
    options.sessionsPerUser = 0
    let shell = try await TestShell.start(options: options)
    let client = try await shell.client()
    let first = try await PeoplePages.first(client)
    let rest = try #require(await PeoplePages.rest(client, total: first.total, concurrency: 3))
    let emails = Set((first.users + rest).compactMap(\.email))
    #expect(emails == Set(await shell.simulator.accounts().map(\.email)))
    await client.shutdown()
    await shell.stop()
  }

  @Test func revokeUserFindsEmailsOnTheLastPagesWithoutLookingThemUp() async throws {
    var options = SimulatorOptions()
    options.users = 1000
    options.sessionsPerUser = 1
    let shell = try await TestShell.start(options: options)
    let emails = await shell.simulator.accounts().map(\.email).sorted().suffix(20)
    await shell.session.interpreter.setVariable("emails", .list(emails.map { .string($0) }))
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run("set dry-run on\n$r = revoke-user $emails --yes\n")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let sent = await shell.simulator.receivedRequests().dropFirst(before)
    #expect(sent.filter { $0 == "GET /api/2.0/people" }.count == 11)
    #expect(!sent.contains("GET /api/2.0/people/email"), "\(sent.filter { $0.contains("email") }.count) lookups")
    await shell.stop()
  }
}
