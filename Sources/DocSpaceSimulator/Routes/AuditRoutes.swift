import Foundation

/// `api/2.0/security/audit/login/{last,filter}`: the sign-in history, for owners and admins.
///
/// Follows SERVER `web/ASC.Web.Api/Api/SecurityController.cs` and
/// `common/services/ASC.AuditTrail/Repositories/LoginEventsRepository.cs` (3.7.2, `ed2994e74f`).
struct AuditRoutes {
  let state: PortalState
  let models: WireModels

  /// What `last` answers, and `filter` on a portal without the Audit feature
  /// (SecurityController.cs:85, `limit: 20`).
  static let lastCount = 20

  func handle(_ request: Incoming, which: String, caller: PortalState.Caller) async -> Outgoing {
    switch which {
    case "last":
      guard caller.user.isAdmin else { return .forbidden }
      return await answer(await state.loginHistoryPage(startIndex: 0, count: Self.lastCount), request)
    case "filter":
      // [ApiController] binds and validates the query before the action body runs, so a bad
      // parameter is 400 even for a caller the action would refuse (SecurityController.cs:130).
      let query: LoginFilterQuery
      switch LoginFilterQuery.parse(request.query) {
      case .success(let parsed): query = parsed
      case .failure(let problem):
        return .json(Envelope.validation(errors: problem.errors, href: request.href, method: "GET"), status: 400)
      }
      guard caller.user.isAdmin else { return .forbidden }
      // Without the Audit feature the action answers as `last`, whatever the parameters
      // (SecurityController.cs:136-139).
      guard state.options.audit else {
        return await answer(await state.loginHistoryPage(startIndex: 0, count: Self.lastCount), request)
      }
      return await answer(
        await state.loginHistoryPage(startIndex: query.startIndex, count: query.count, filter: query), request)
    default:
      return .notFound
    }
  }

  private func answer(_ rows: [LoginEventRow], _ request: Incoming) async -> Outgoing {
    var items: [Wire] = []
    for row in rows { items.append(models.loginEvent(row, user: await state.user(id: row.userId))) }
    return .success(.array(items), request)
  }

  /// The query date formats ApiDateTime accepts: ISO with or without time and zone.
  static func date(_ text: String) -> Date? {
    let formats = [
      "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd",
    ]
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    for format in formats {
      formatter.dateFormat = format
      if let date = formatter.date(from: text) { return date }
    }
    return nil
  }
}
