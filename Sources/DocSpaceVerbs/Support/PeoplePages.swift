import DSHLanguage
import DocSpaceAPI

/// The portal's people, read a page at a time (`GET people`): the first page says how many
/// there are, and the pages after it are fetched concurrently.
///
/// Completion and `revoke-user`
/// read them this way.
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
    var pages: [Int: [Employee]] = [:]
    var failed = false
    await withTaskGroup(of: (Int, [Employee]?).self) { group in
      var pending = starts[...]
      var inFlight = 0
      repeat {
        while inFlight < max(1, concurrency), let start = pending.popFirst() {
          inFlight += 1
          group.addTask { (start, try? await client.people(search: nil, startIndex: start, count: size).users) }
        }
        guard let (start, page) = await group.next() else { break }
        inFlight -= 1
        if let page { pages[start] = page } else { failed = true }
      } while inFlight > 0 || !pending.isEmpty
    }
    guard !failed else { return nil }
    return starts.flatMap { pages[$0] ?? [] }
  }
}
