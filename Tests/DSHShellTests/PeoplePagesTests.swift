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

  static func portal() async throws -> (TestShell, DocSpaceClient) {
    var options = SimulatorOptions()
    // 1,005 people: eleven pages.
    options.users = 1000
    options.sessionsPerUser = 0
    let shell = try await TestShell.start(options: options)
    return (shell, try await shell.client())
  }

  @Test func aScanForAboutAsManyAsThePortalHoldsReadsEveryPageInItsFirstRound() async throws {
    let (shell, client) = try await Self.portal()
    var askedForMore = false
    let found = await PeoplePages.scan(client, expecting: 1000, concurrency: 16) { _, _ in
      askedForMore = true
      return true
    }
    #expect(Set(found.compactMap(\.email)) == Set(await shell.simulator.accounts().map(\.email)))
    #expect(!askedForMore, "the pages a tenth more than 1,000 fill hold all 1,005")
    await client.shutdown()
    await shell.stop()
  }

  @Test func aScanForFewReadsTheirPagesThenAsksBeforeReadingTheRest() async throws {
    let (shell, client) = try await Self.portal()
    let before = await shell.simulator.receivedRequests().count
    var pagesLeft: Int?
    let found = await PeoplePages.scan(client, expecting: 50, concurrency: 16) { left, found in
      pagesLeft = left
      return found.isEmpty
    }
    #expect(found.count == PeoplePages.size)
    #expect(pagesLeft == 10)
    #expect(await shell.simulator.receivedRequests().dropFirst(before).count == 1)
    await client.shutdown()
    await shell.stop()
  }

  @Test func aScanReadsTheRestWhenAskedTo() async throws {
    let (shell, client) = try await Self.portal()
    let found = await PeoplePages.scan(client, expecting: 50, concurrency: 3) { _, _ in true }
    #expect(found.count == 1005)
    #expect(Set(found.map(\.id)).count == found.count, "no page read twice")
    #expect(Set(found.compactMap(\.email)) == Set(await shell.simulator.accounts().map(\.email)))
    await client.shutdown()
    await shell.stop()
  }
}
