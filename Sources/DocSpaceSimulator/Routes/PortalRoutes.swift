import Foundation

/// Dispatches a request to the route that handles it, like the server's routing table:
/// a path or route constraint that matches nothing is a 404 with an empty body.
struct PortalRoutes: Sendable {
  let state: PortalState
  let clock: PortalClock
  static let tenantId = 1

  func handle(_ request: Incoming) async -> Outgoing {
    let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard parts.count >= 3, parts[0] == "api", parts[1] == "2.0" else { return .notFound }
    let route = Array(parts.dropFirst(2))
    let models = WireModels(clock: clock, host: request.host)
    switch (request.method, route.first) {
    case (_, "authentication"):
      return await AuthenticationRoutes(state: state, models: models).handle(request, route: Array(route.dropFirst()))
    case (_, "security"):
      let rest = Array(route.dropFirst())
      if rest.first == "activeconnections" {
        return await withCaller(request) { caller in
          await ConnectionRoutes(state: state, models: models).handle(
            request, route: Array(rest.dropFirst()), caller: caller)
        }
      }
      if rest.count == 3, rest[0] == "audit", rest[1] == "login", request.method == "GET" {
        return await withCaller(request) { caller in
          await AuditRoutes(state: state, models: models).handle(request, which: rest[2], caller: caller)
        }
      }
      return .notFound
    case ("GET", "people"):
      return await withCaller(request) { caller in
        await PeopleRoutes(state: state, models: models).handle(
          request, route: Array(route.dropFirst()), caller: caller)
      }
    default:
      return .notFound
    }
  }

  /// Runs `body` for an authenticated caller; 401 with an empty body otherwise.
  private func withCaller(_ request: Incoming, _ body: (PortalState.Caller) async -> Outgoing) async -> Outgoing {
    guard let caller = await state.authenticate(cookieToken: request.cookieToken, authorization: request.authorization)
    else {
      var answer = Outgoing.unauthorized
      if request.cookieToken != nil {
        answer.headers.append(("Set-Cookie", "asc_auth_key=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/"))
      }
      return answer
    }
    return await body(caller)
  }

  static func isGuid(_ text: String) -> Bool {
    let pattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
    return text.wholeMatch(of: pattern) != nil
  }
}
