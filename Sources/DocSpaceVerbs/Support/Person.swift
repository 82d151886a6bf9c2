import DSHLanguage
import DocSpaceAPI

/// Who a user id or email belongs to, as questions and results name them:
/// `Uma User <user@example.com>`.
struct Person: Sendable, Equatable {
  var id: String
  var displayName: String
  var email: String?

  init(id: String, displayName: String, email: String?) {
    self.id = id
    self.displayName = displayName
    self.email = email
  }

  init(_ employee: Employee) {
    self.init(id: employee.id, displayName: employee.displayName, email: employee.email)
  }

  /// A user record's person, when it has an id (`users`, `user`).
  init?(record: Record) {
    guard record.kind == "user", case .string(let id)? = record["id"] else { return nil }
    self.init(id: id, displayName: record["displayName"]?.asString ?? "", email: record["email"]?.asString)
  }

  var text: String {
    let name = displayName.trimmingCharacters(in: .whitespaces)
    guard let email, !email.isEmpty else { return name.isEmpty ? id : name }
    return name.isEmpty ? email : "\(name) <\(email)>"
  }

  /// The user records in a verb's argument, to name them without asking the portal.
  static func inRecords(_ value: Value) -> [Person] {
    switch value {
    case .record(let record): return Person(record: record).map { [$0] } ?? []
    case .list(let items): return items.flatMap(inRecords)
    default: return []
    }
  }

  /// The people behind `keys` (user ids or emails): the ones the connection already knows,
  /// the rest looked up with one GET each, as many at a time as `ConcurrencyController`
  /// allows under `concurrency`.
  ///
  /// A key that cannot be looked up (unknown, forbidden, no
  /// answer) is left out.
  static func lookUp(
    _ keys: [String], portal: PortalConnection, client: DocSpaceClient, concurrency: Settings.Concurrency
  ) async -> [String: Person] {
    var found: [String: Person] = [:]
    var missing: [String] = []
    for key in Set(keys.map { $0.lowercased() }).sorted() {
      if let known = await portal.person(key) { found[key] = known } else { missing.append(key) }
    }
    var controller = ConcurrencyController(concurrency)
    await withTaskGroup(of: (String, Person?, ContinuousClock.Instant).self) { group in
      var pending = missing[...]
      var inFlight = 0
      repeat {
        while inFlight < controller.limit, let key = pending.popFirst() {
          inFlight += 1
          let sentAt = ContinuousClock.now
          group.addTask { (key, await lookUp(key, client), sentAt) }
        }
        guard let (key, person, sentAt) = await group.next() else { break }
        inFlight -= 1
        controller.answered(sentAt: sentAt, latency: .now - sentAt)
        if let person { found[key] = person }
      } while inFlight > 0 || !pending.isEmpty
    }
    await portal.remember(people: Array(found.values))
    return found
  }

  private static func lookUp(_ key: String, _ client: DocSpaceClient) async -> Person? {
    do throws(APIError) {
      return Person(
        key.contains("@") ? try await client.person(email: key) : try await client.person(idOrUserName: key))
    } catch {
      return nil
    }
  }
}
