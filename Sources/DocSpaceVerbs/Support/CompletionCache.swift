import DSHLanguage
import DocSpaceAPI
import Foundation

/// The connection ids and emails completion offers on one portal: what results taught the
/// shell, and what Tab fetched, with when each fetch was made (fetches expire after `lifetime`).
struct CompletionCache: Sendable {
  /// How long a fetched list is offered before a Tab fetches it again.
  static let lifetime: Duration = .seconds(60)
  /// The most ids and emails kept: a longer menu helps nobody.
  static let capacity = 1000
  /// Each fetch's deadline: long enough for a slow portal, and nobody waits on it.
  static let fetchTimeout: Double = 15

  private(set) var sessions: [(id: Int, description: String)] = []
  private(set) var users: [(key: String, description: String)] = []
  private var fetched: [CompletionSource: ContinuousClock.Instant] = [:]

  /// Whether `source` was fetched within `lifetime`.
  func isFresh(_ source: CompletionSource, now: ContinuousClock.Instant = .now) -> Bool {
    guard let at = fetched[source] else { return false }
    return at.duration(to: now) < Self.lifetime
  }

  mutating func markFetched(_ source: CompletionSource) { fetched[source] = .now }

  mutating func add(sessions found: [(Int, String)]) {
    var seen = Set(sessions.map(\.id))
    for (id, description) in found where seen.insert(id).inserted { sessions.append((id, description)) }
    sessions = Array(sessions.suffix(Self.capacity))
  }

  mutating func add(users found: [(String, String)]) {
    var seen = Set(users.map { $0.key.lowercased() })
    for (key, description) in found where seen.insert(key.lowercased()).inserted { users.append((key, description)) }
    users = Array(users.suffix(Self.capacity))
  }

  mutating func forget(sessionIds: Set<Int>) { sessions.removeAll { sessionIds.contains($0.id) } }

  /// The successful sign-ins among `events` as menu entries: their ids are connections.
  static func entries(signIns events: [LoginEvent]) -> [(Int, String)] {
    events.filter { LoginAction.successes.contains($0.actionId) }.map { ($0.id, describe($0)) }
  }

  /// `uma@example.com · Chrome · 203.0.113.7 · 3d ago`: a sign-in as a connection id's menu entry.
  static func describe(_ event: LoginEvent, now: Date = Date()) -> String {
    let age = Value.duration(now.timeIntervalSince(event.date)).displayText
    return [event.user ?? event.login, event.browser, event.ip, "\(age) ago"].compactMap { $0 }.filter { !$0.isEmpty }
      .joined(separator: " · ")
  }
}
