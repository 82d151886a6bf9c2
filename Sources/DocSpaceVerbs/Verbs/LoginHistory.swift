import DSHLanguage
import DocSpaceAPI
import Foundation

/// Reads the portal's sign-in history to completion, filtering on this side.
///
/// DocSpace 3.7 applies `startIndex`/`count` to all of the portal's events, newest first,
/// before its `userId`/`action`/`from`/`to` filters (SERVER
/// `common/services/ASC.AuditTrail/Repositories/LoginEventsRepository.cs:68-102`), so only
/// unfiltered pages can be trusted: a filtered page may be empty while later pages match.
/// Events come newest first, so `since` ends the reading; a plan without the Audit feature
/// answers every page with the same latest 20 events (SERVER
/// `web/ASC.Web.Api/Api/SecurityController.cs:136-139`), which a repeated page reveals.
struct LoginHistory {
  struct Filter {
    /// The user's id: their own events.
    var userId: String?
    /// The user's email: failed sign-ins typed with it (recorded under Guest).
    var email: String?
    var actions: Set<Int>?
    var since: Date?
    var until: Date?
    var limit: Int?

    func matches(_ event: LoginEvent) -> Bool {
      if let until, event.date > until { return false }
      if let actions, !actions.contains(event.actionId) { return false }
      guard userId != nil || email != nil else { return true }
      if let userId, event.userId?.lowercased() == userId { return true }
      if let email, LoginAction.failures.contains(event.actionId),
        event.login?.caseInsensitiveCompare(email) == .orderedSame
      {
        return true
      }
      return false
    }
  }

  struct Reading {
    var events: [LoginEvent] = []
    var pages = 0
  }

  static let latestOnlyNotice = "this portal's plan shows only the last 20 sign-ins"
  static let pageSize = DocSpaceClient.loginEventsPageSize

  let client: DocSpaceClient
  let host: any CommandHost
  /// Names the verb in the notice on stderr.
  let verb: String

  /// Reads the login events that match `filter`, page by page from the first page on.
  ///
  /// `first` is a page already read (page 0); `totalPages`, when known, is what the progress line
  /// counts towards.
  func read(_ filter: Filter, first: [LoginEvent]? = nil, totalPages: Int? = nil) async throws(APIError) -> Reading {
    var reading = Reading()
    var seen = Set<Int>()
    var previous: [Int]?
    var startIndex = 0
    var pending = first
    var newest: Date?
    defer { host.progress(done: reading.pages, total: reading.pages) }
    while true {
      let page: [LoginEvent]
      if let ready = pending {
        page = ready
        pending = nil
      } else {
        page = try await client.loginEvents(startIndex: startIndex, count: Self.pageSize)
      }
      reading.pages += 1
      let ids = page.map(\.id)
      if ids.isEmpty { return reading }
      if ids == previous {
        // The portal answered with the previous page's events: it shows only its latest.
        host.inform("\(verb): \(Self.latestOnlyNotice); older events cannot be read through the API")
        return reading
      }
      previous = ids
      newest = newest ?? page.first?.date
      // New sign-ins during the reading shift older events onto the next page: skip repeats.
      for event in page where seen.insert(event.id).inserted {
        if let since = filter.since, event.date < since { return reading }
        guard filter.matches(event) else { continue }
        reading.events.append(event)
        if let limit = filter.limit, reading.events.count >= limit { return reading }
      }
      // A short page ends a history that pages; a short first page may also be a plan that
      // shows only its latest events, which the next (repeated) page tells.
      if page.count < Self.pageSize && startIndex > 0 { return reading }
      startIndex += Self.pageSize
      showProgress(reading, span: (newest, page.last?.date), filter: filter, totalPages: totalPages)
    }
  }

  /// `span`: the newest event read and the oldest so far.
  private func showProgress(_ reading: Reading, span: (Date?, Date?), filter: Filter, totalPages: Int?) {
    let (newest, oldest) = span
    var total = reading.pages + 1
    if let totalPages {
      total = max(total, totalPages)
    } else if let since = filter.since, let newest, let oldest, newest > oldest {
      // Pages so far span newest…oldest; as many more as it takes to reach `since`.
      let perPage = newest.timeIntervalSince(oldest) / Double(reading.pages)
      let more = (oldest.timeIntervalSince(since) / perPage).rounded(.up)
      total = max(total, reading.pages + Int(min(more, 1_000_000)))
    }
    var note = "\(reading.events.count) found"
    if let oldest { note += " · back to \(DateText.format(oldest))" }
    host.progress(done: reading.pages, total: total, note: note)
  }

  /// How many pages the history fills, found with single-event probes (about 2·log₂ pages of
  /// them), for a portal whose first page was full.
  func pageCount() async throws(APIError) -> Int {
    func hasPage(_ index: Int) async throws(APIError) -> Bool {
      !(try await client.loginEvents(startIndex: index * Self.pageSize, count: 1)).isEmpty
    }
    var known = 0
    var beyond = 1
    while try await hasPage(beyond) {
      known = beyond
      beyond *= 2
      if beyond > 1 << 24 { return known + 1 }
    }
    while beyond - known > 1 {
      let middle = (known + beyond) / 2
      if try await hasPage(middle) { known = middle } else { beyond = middle }
    }
    return known + 1
  }
}
