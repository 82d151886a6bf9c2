import DSHLanguage
import DocSpaceAPI

/// The portal's people, read a page at a time (`GET people`), several pages at once.
///
/// Completion reads the first page, which says how many there are, then the rest together;
/// `revoke-user` reads at once the pages its emails would fill (`scan`), so a portal that
/// holds about that many people is read in one round.
enum PeoplePages {
  /// People per page: the API's most (`ApiContext.MaxCount`).
  static let size = 100

  /// The first page, and how many people there are in all.
  static func first(_ client: DocSpaceClient) async throws(APIError) -> (users: [Employee], total: Int) {
    try await client.people(search: nil, startIndex: 0, count: size)
  }

  /// Pages read at once: all of a thousand people's at the same time, and well under the 50
  /// reads in flight the 3.7 rate limiter admits per user; a fixed `concurrency` below that wins.
  static func inFlight(_ concurrency: Settings.Concurrency) -> Int {
    switch concurrency {
    case .auto: 16
    case .fixed(let number): min(16, max(1, number))
    }
  }

  /// How many pages come after the first, to read `total` people (at most `limit`).
  static func remainingPages(total: Int, upTo limit: Int = .max) -> Int {
    max(0, (min(total, limit) - 1) / size)
  }

  /// The people after the first page, up to `limit` in all, in the portal's order, at most
  /// `concurrency` pages at a time; nil when a page could not be read.
  static func rest(_ client: DocSpaceClient, total: Int, upTo limit: Int = .max, concurrency: Int) async
    -> [Employee]?
  {
    let starts = (0..<remainingPages(total: total, upTo: limit)).map { ($0 + 1) * size }
    let read = await pages(client, starting: starts, concurrency: concurrency)
    return read.failed ? nil : read.users
  }

  /// People from the start of the portal's order, for finding `expected` of them: the pages
  /// that a tenth more would fill are read at once (the portal holds the ones sought and
  /// others, such as whoever seeks them); the pages after those only when the portal holds
  /// more and `more(pagesLeft, found)` wants them.
  ///
  /// A page that cannot be read is left out, as are its people.
  static func scan(
    _ client: DocSpaceClient, expecting expected: Int, concurrency: Int, more: (Int, [Employee]) -> Bool
  ) async -> [Employee] {
    let firstPeople = expected + expected / 10 + 1
    let firstRound = (0..<((firstPeople + size - 1) / size)).map { $0 * size }
    let read = await pages(client, starting: firstRound, concurrency: concurrency)
    let next = Array(stride(from: firstRound.count * size, to: read.total, by: size))
    guard !next.isEmpty, more(next.count, read.users) else { return read.users }
    return read.users + (await pages(client, starting: next, concurrency: concurrency)).users
  }

  /// The pages at `starts`, at most `concurrency` at a time: their people in the order of
  /// `starts`, the largest total any answer gave, and whether a page could not be read.
  private static func pages(_ client: DocSpaceClient, starting starts: [Int], concurrency: Int) async
    -> (users: [Employee], total: Int, failed: Bool)
  {
    var pages: [Int: [Employee]] = [:]
    var total = 0
    var failed = false
    await withTaskGroup(of: (Int, (users: [Employee], total: Int)?).self) { group in
      var pending = starts[...]
      var inFlight = 0
      repeat {
        while inFlight < max(1, concurrency), let start = pending.popFirst() {
          inFlight += 1
          group.addTask { (start, try? await client.people(search: nil, startIndex: start, count: size)) }
        }
        guard let (start, page) = await group.next() else { break }
        inFlight -= 1
        if let page {
          pages[start] = page.users
          total = max(total, page.total)
        } else {
          failed = true
        }
      } while inFlight > 0 || !pending.isEmpty
    }
    return (starts.flatMap { pages[$0] ?? [] }, total, failed)
  }
}
