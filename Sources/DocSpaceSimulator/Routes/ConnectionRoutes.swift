import Foundation

/// `api/2.0/security/activeconnections`: the five routes of DocSpace 3.7
/// (SERVER `web/ASC.Web.Api/Api/ConnectionsController.cs`).
struct ConnectionRoutes {
  let state: PortalState
  let models: WireModels

  /// `argument` is the route value: the event id of `logout/{int}`, the user id of `logoutall/{guid}`.
  func handle(_ request: Incoming, _ endpoint: Endpoint, argument: String?, caller: PortalState.Caller) async
    -> Outgoing
  {
    switch endpoint {
    case .connections:
      let items = await state.connections(of: caller, ip: request.clientIP, agent: request.clientAgent)
      let body = Wire.object([
        ("loginEvent", .int(caller.cookieEventId)),
        ("items", .array(items.map { models.connection($0, tenantId: PortalRoutes.tenantId) })),
      ])
      return .success(body, request)
    case .closeConnection:
      guard let eventId = argument.flatMap({ Int($0) }) else { return .notFound }
      do {
        return .success(.bool(try await state.logOut(eventId: eventId, by: caller)), request)
      } catch {
        return .forbidden
      }
    case .closeAllOf:
      guard let userId = argument else { return .notFound }
      do {
        let token = try await state.logOutAll(
          userId: userId, by: caller, ip: request.clientIP, agent: request.clientAgent, page: request.page)
        let answer = Outgoing.success(nil, request)
        return token.map {
          answer.settingCookie($0, expires: Date().addingTimeInterval(365 * 86_400), secure: request.isSecure)
        } ?? answer
      } catch {
        return .forbidden
      }
    case .closeAllExceptThis:
      return .success(.string(await state.logOutAllExceptThis(caller: caller)), request)
    case .closeAllAndChangePassword:
      let result = await state.logOutAllAndChangePassword(
        caller: caller, root: "\(request.scheme)://\(request.host)", ip: request.clientIP, agent: request.clientAgent,
        page: request.page)
      return Outgoing.success(.string(result.url), request).settingCookie(
        result.token, expires: Date().addingTimeInterval(365 * 86_400), secure: request.isSecure)
    default:
      return .notFound
    }
  }
}
