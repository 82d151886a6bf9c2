import DSHLanguage
import DocSpaceAPI
import Foundation

/// What Tab offers from the portal: ids and emails learned from results, and fetched on a
/// Tab that needs them (`fetchForCompletion`), kept per portal for `CompletionCache.lifetime`.
extension PortalConnection {
  /// The ids and emails completion offers now.
  public struct Known: Sendable {
    /// Connection ids, each with a line that says whose and where from.
    public var sessions: [(id: Int, description: String)]
    /// Emails and user ids, each with the person's name.
    public var users: [(key: String, description: String)]
  }

  /// What completion can offer now, without a request.
  public var known: Known { Known(sessions: completions.sessions, users: completions.users) }

  /// Fetches what completion offers from `sources` (connection ids: the shell's sessions
  /// and, for admins, recent sign-ins; people: their emails), unless fetched within
  /// `CompletionCache.lifetime`.
  ///
  /// Quiet: no trace, not what `curl` shows; failures are dropped.
  /// Returns when the fetches end; a caller that cannot wait stops waiting, the fetch goes on.
  public func fetchForCompletion(_ sources: Set<CompletionSource>) async {
    guard let client, isSignedIn else { return }
    var options = RequestOptions(timeout: CompletionCache.fetchTimeout)
    let refused = self.refused
    options.trace = { event in if event.status == 401 { refused.raise() } }
    options.isShownByCurl = false
    var running: [Task<Void, Never>] = []
    for source in sources where source.isFetched && !completions.isFresh(source) {
      if let task = fetches[source] {
        running.append(task)
        continue
      }
      let quiet = client.with(options)
      let generation = portalGeneration
      let task = Task { await self.fetch(source, with: quiet, generation: generation) }
      fetches[source] = task
      running.append(task)
    }
    for task in running { await task.value }
  }

  private func fetch(_ source: CompletionSource, with client: DocSpaceClient, generation: Int) async {
    var sessions: [(Int, String)] = []
    var people: [Person] = []
    switch source {
    case .connectionIds:
      async let own = try? client.activeConnections()
      async let history = try? client.loginEvents(startIndex: 0)
      sessions = (await own)?.items.filter { $0.id != 0 }.map { ($0.id, Records.describe($0)) } ?? []
      sessions += CompletionCache.entries(signIns: await history ?? [])
    case .people:
      people = await Self.firstPeople(client).map(Person.init)
    default:
      break
    }
    guard generation == portalGeneration else { return }
    fetches[source] = nil
    completions.markFetched(source)
    completions.add(sessions: sessions)
    remember(people: people)
  }

  /// Up to `CompletionCache.capacity` people: the first page says how many there are, the
  /// rest are fetched at once.
  private static func firstPeople(_ client: DocSpaceClient) async -> [Employee] {
    guard let first = try? await PeoplePages.first(client) else { return [] }
    let capacity = CompletionCache.capacity
    let rest = await PeoplePages.rest(
      client, total: first.total, upTo: capacity, concurrency: capacity / PeoplePages.size)
    return first.users + (rest ?? [])
  }

  func forgetCompletions() {
    completions = CompletionCache()
    for task in fetches.values { task.cancel() }
    fetches = [:]
    portalGeneration += 1
  }
}
