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
}
