import Foundation

/// `api/2.0/people`: lists (paged), @self, one user by id, user name or email.
struct PeopleRoutes {
  let state: PortalState
  let models: WireModels

  func handle(_ request: Incoming, route: [String], caller: PortalState.Caller) async -> Outgoing {
    switch route {
    case []: return await list(request, filter: false, caller: caller)
    case ["filter"]: return await list(request, filter: true, caller: caller)
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

  /// `GetAllProfiles` (only the active, UserController.cs:989-1005) and
  /// `SearchUsersByExtendedFilter` (UserController.cs:1178-1219).
  ///
  /// The query is bound and validated before the action refuses a user or a guest
  /// (GetByFilterAsync, :2585-2589).
  private func list(_ request: Incoming, filter: Bool, caller: PortalState.Caller) async -> Outgoing {
    let query: PeopleQuery
    switch PeopleQuery.parse(request.query, filter: filter) {
    case .success(let parsed): query = parsed
    case .failure(let problem):
      return .json(Envelope.validation(errors: problem.errors, href: request.href, method: "GET"), status: 400)
    }
    guard caller.user.role != .user && caller.user.role != .guest else { return .forbidden }
    let selected = await state.people(query, viewer: caller.user)
    let page = selected.dropFirst(query.startIndex).prefix(query.count)
    return .success(.array(page.map { models.employee($0, viewer: caller.user) }), request, total: selected.count)
  }
}
