import Foundation

/// The request pipeline of SERVER `common/ASC.Api.Core/Core/BaseStartup.cs:584-626`, in its
/// order: routing (`UseRouting`), CORS (`UseCors`, whose preflight answer ends the request),
/// authentication (`UseAuthentication`, for every request), the rate limiter
/// (`UseRateLimiter`), then the endpoint — or routing's 404 / 405, which need no caller.
struct PortalRoutes: Sendable {
  let state: PortalState
  let clock: PortalClock
  let limiter: RateLimiter
  /// Added to every request's processing time, inside the limiter's slot.
  var latencyMilliseconds = 0
  static let tenantId = 1

  func handle(_ request: Incoming) async -> Outgoing {
    if let preflight = Cors.preflight(request) { return preflight }
    let match = RouteTable.match(method: request.method, path: request.path)
    let authentication = await state.authenticate(request)
    var answer: Outgoing
    let partition = authentication.caller?.user.id ?? request.ip
    // Without the limiter no request waits on its actor.
    let decision =
      limiter.enabled
      ? await limiter.acquire(partition: partition, peer: request.ip, method: request.method) : nil
    switch decision {
    case .rejected(let headers)?:
      answer = Outgoing(status: 429, body: "", headers: headers)
    case .admitted(let lease)?:
      answer = await respond(match, request, caller: authentication.caller)
      await limiter.release(lease)
    case nil:
      answer = await respond(match, request, caller: authentication.caller)
    }
    answer.headers += authentication.headers
    return Cors.decorate(answer, for: request)
  }

  /// The endpoint's answer after the simulated latency.
  private func respond(_ match: RouteMatch, _ request: Incoming, caller: PortalState.Caller?) async -> Outgoing {
    if latencyMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(latencyMilliseconds)) }
    return await dispatch(match, request, caller: caller)
  }

  private func dispatch(_ match: RouteMatch, _ request: Incoming, caller: PortalState.Caller?) async -> Outgoing {
    let endpoint: Endpoint
    let values: [String]
    switch match {
    case .notFound:
      return .notFound
    case .methodNotAllowed(let methods):
      // The rejection endpoint of HttpMethodMatcherPolicy: empty body, `Allow`.
      return Outgoing(status: 405, body: "", headers: [("Allow", methods.joined(separator: ", "))])
    case .endpoint(let found, let arguments):
      endpoint = found
      values = arguments
    }
    let models = WireModels(clock: clock, host: request.host, scheme: request.scheme)
    if endpoint.allowsAnonymous {
      return await AuthenticationRoutes(state: state, models: models).handle(request, endpoint, caller: caller)
    }
    guard let caller else { return .unauthorized }
    switch endpoint {
    case .isAuthenticated, .signIn, .signOut:
      return await AuthenticationRoutes(state: state, models: models).handle(request, endpoint, caller: caller)
    case .connections, .closeConnection, .closeAllOf, .closeAllExceptThis, .closeAllAndChangePassword:
      return await ConnectionRoutes(state: state, models: models).handle(
        request, endpoint, argument: values.first, caller: caller)
    case .loginHistoryLast:
      return await AuditRoutes(state: state, models: models).handle(request, which: "last", caller: caller)
    case .loginHistoryFilter:
      return await AuditRoutes(state: state, models: models).handle(request, which: "filter", caller: caller)
    case .people, .peopleFilter, .peopleSelf, .personByEmail, .person:
      let route: [String]
      switch endpoint {
      case .peopleFilter: route = ["filter"]
      case .peopleSelf: route = ["@self"]
      case .personByEmail: route = ["email"]
      case .person: route = values
      default: route = []
      }
      return await PeopleRoutes(state: state, models: models).handle(request, route: route, caller: caller)
    }
  }

  /// Whether `text` is a GUID in its 8-4-4-4-12 hex form (not a regex literal: Swift parses
  /// one anew each time it is evaluated, per request here).
  static func isGuid(_ text: String) -> Bool {
    text.utf8.count == 36
      && text.utf8.enumerated().allSatisfy { index, byte in
        [8, 13, 18, 23].contains(index)
          ? byte == UInt8(ascii: "-") : byte < 0x80 && Character(Unicode.Scalar(byte)).isHexDigit
      }
  }
}
