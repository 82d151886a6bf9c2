import Foundation

extension PortalState {
  /// One page of the sign-in history as DocSpace 3.7 computes it: the portal's events newest first,
  /// `Skip(startIndex)` and `Take(count)` first, and only then the user, action and date filters
  /// (LoginEventsRepository.cs:55-102, `Skip`/`Take` at 68-75 precede the `Where`s at 77-102).
  ///
  /// So a filtered page can be empty while a later one holds matches.
  ///
  /// `events` is oldest first: the fixture sorts its rows by date, and every later row is
  /// appended when it happens. So a page is a slice of the reversed array, with no sorting.
  func loginHistoryPage(startIndex: Int, count: Int, filter: LoginFilterQuery? = nil) -> [LoginEventRow] {
    let page = events.reversed().dropFirst(max(0, startIndex)).prefix(count)
    guard let filter else { return Array(page) }
    return page.filter(filter.matches)
  }
}
