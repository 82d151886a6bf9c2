import Foundation

/// `api/2.0/security/audit/login/{last,filter}`: the sign-in history, for owners and admins.
struct AuditRoutes {
  let state: PortalState
  let models: WireModels

  func handle(_ request: Incoming, which: String, caller: PortalState.Caller) async -> Outgoing {
    guard caller.user.isAdmin else { return .forbidden }
    switch which {
    case "last":
      let rows = Array(await state.loginHistory(userId: nil, from: nil, to: nil).prefix(20))
      return await answer(rows, request)
    case "filter":
      let count = request.query["count"].map { Int($0) ?? -1 } ?? 100
      guard (1...100).contains(count) else {
        return .json(
          Envelope.validation(
            field: "count", message: "The field count must be between 1 and 100.", href: request.href, method: "GET"),
          status: 400)
      }
      let start = max(0, Int(request.query["startIndex"] ?? "0") ?? 0)
      let rows = await state.loginHistory(
        userId: request.query["userId"]?.lowercased(), from: request.query["from"].flatMap(Self.date),
        to: request.query["to"].flatMap(Self.date))
      return await answer(Array(rows.dropFirst(start).prefix(count)), request)
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
