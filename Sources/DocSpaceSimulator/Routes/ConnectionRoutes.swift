import Foundation

/// `api/2.0/security/activeconnections`: the five routes of DocSpace 3.7.
struct ConnectionRoutes {
  let state: PortalState
  let models: WireModels

  func handle(_ request: Incoming, route: [String], caller: PortalState.Caller) async -> Outgoing {
    let action = route.first ?? ""
    let argument = route.count == 2 ? route[1] : nil
    switch (request.method, action, argument) {
    case ("GET", "", nil) where route.isEmpty:
      let items = await state.connections(of: caller, ip: request.ip, agent: request.userAgent)
      let body = Wire.object([
        ("loginEvent", .int(caller.cookieEventId)),
        ("items", .array(items.map { models.connection($0, tenantId: PortalRoutes.tenantId) })),
      ])
      return .success(body, request)
    case ("PUT", "logout", let id?):
      guard let eventId = Int(id) else { return .notFound }
      do {
        return .success(.bool(try await state.logOut(eventId: eventId, by: caller)), request)
      } catch {
        return .forbidden
      }
    case ("PUT", "logoutall", let userId?):
      guard PortalRoutes.isGuid(userId) else { return .notFound }
      do {
        let token = try await state.logOutAll(
          userId: userId.lowercased(), by: caller, ip: request.ip, agent: request.userAgent, page: request.page)
        let answer = Outgoing.success(nil, request)
        return token.map { answer.settingCookie($0, expires: Date().addingTimeInterval(365 * 86_400)) } ?? answer
      } catch {
        return .forbidden
      }
    case ("PUT", "logoutallexceptthis", nil) where route.count == 1:
      return .success(.string(await state.logOutAllExceptThis(caller: caller)), request)
    case ("PUT", "logoutallchangepassword", nil) where route.count == 1:
      let result = await state.logOutAllAndChangePassword(
        caller: caller, host: request.host, ip: request.ip, agent: request.userAgent, page: request.page)
      return Outgoing.success(.string(result.url), request).settingCookie(
        result.token, expires: Date().addingTimeInterval(365 * 86_400))
    default:
      return .notFound
    }
  }
}
