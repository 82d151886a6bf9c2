import Foundation

/// `api/2.0/people`: lists (paged), @self, one user by id, user name or email.
struct PeopleRoutes {
  let state: PortalState
  let models: WireModels

  func handle(_ request: Incoming, route: [String], caller: PortalState.Caller) async -> Outgoing {
    switch route {
    case []: return await list(request, filter: nil, caller: caller)
    case ["filter"]: return await list(request, filter: request.query["filterValue"], caller: caller)
    case ["@self"]:
      return .success(
        models.employee(caller.user, viewer: caller.user, selfView: true, loginEventId: caller.cookieEventId), request)
    case ["email"]:
      let email = (request.query["email"] ?? "").trimmingCharacters(in: .whitespaces)
      guard !email.isEmpty else {
        return .json(
          Envelope.error(
            "Value cannot be null. (Parameter 'email')", type: "System.ArgumentNullException", statusCode: 400),
          status: 400)
      }
      return await one(await state.user(email: email), request, caller: caller)
    case _ where route.count == 1:
      return await one(await state.user(idOrUserName: route[0]), request, caller: caller)
    default:
      return .notFound
    }
  }

  private func one(_ user: SimUser?, _ request: Incoming, caller: PortalState.Caller) async -> Outgoing {
    guard let user else {
      return .json(
        Envelope.error("The user could not be found", type: "ASC.Common.Web.ItemNotFoundException", statusCode: 404),
        status: 404)
    }
    guard await state.canView(user, by: caller.user) else { return .forbidden }
    return .success(models.employee(user, viewer: caller.user), request)
  }

  private func list(_ request: Incoming, filter: String?, caller: PortalState.Caller) async -> Outgoing {
    guard caller.user.role != .user && caller.user.role != .guest else { return .forbidden }
    let count = request.query["count"].map { Int($0) ?? -1 } ?? 100
    guard (1...100).contains(count) else {
      return .json(
        Envelope.validation(
          field: "count", message: "The field count must be between 1 and 100.", href: request.href, method: "GET"),
        status: 400)
    }
    let start = max(0, Int(request.query["startIndex"] ?? "0") ?? 0)
    var visible: [SimUser] = []
    for user in await state.people(filter: filter) where await state.canView(user, by: caller.user) {
      visible.append(user)
    }
    let page = visible.dropFirst(start).prefix(count)
    return .success(.array(page.map { models.employee($0, viewer: caller.user) }), request, total: visible.count)
  }
}
