import Foundation

extension PortalState {
  /// One page of the sign-in history as DocSpace 3.7 computes it: the portal's events newest
  /// first, `Skip(startIndex)` and `Take(count)` first, and only then the user, action and
  /// date filters (LoginEventsRepository.cs:55-102, `Skip`/`Take` at 68-75 precede the
  /// `Where`s at 77-102). So a filtered page can be empty while a later one holds matches.
  func loginHistoryPage(startIndex: Int, count: Int, filter: LoginFilterQuery? = nil) -> [LoginEventRow] {
    let page = events.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.dropFirst(max(0, startIndex)).prefix(count)
    guard let filter else { return Array(page) }
    return page.filter(filter.matches)
  }
}
