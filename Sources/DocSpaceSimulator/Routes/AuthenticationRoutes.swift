import Foundation

/// `api/2.0/authentication`: sign in, ask whether signed in, sign out
/// (SERVER `web/ASC.Web.Api/Api/AuthenticationController.cs`, all `[AllowAnonymous]`).
struct AuthenticationRoutes {
  let state: PortalState
  let models: WireModels

  func handle(_ request: Incoming, _ endpoint: Endpoint, caller: PortalState.Caller?) async -> Outgoing {
    switch endpoint {
    case .isAuthenticated:
      return .success(.bool(caller != nil), request)
    case .signIn:
      return await signIn(request)
    case .signOut:
      await state.signOut(
        cookieToken: request.cookieToken, caller: caller, ip: request.clientIP, agent: request.clientAgent,
        page: request.page)
      var answer = Outgoing.success(nil, request)
      // `ClearCookies` deletes only the cookies the request carried (CookiesManager.cs:163-176),
      // so a Bearer-only sign-out deletes none (AuthenticationController.cs:386-387).
      for name in ["asc_auth_key", "socketio.sid"] where request.cookies[name] != nil {
        answer.headers.append(Outgoing.deletingCookie(name))
      }
      return answer
    default:
      return .notFound
    }
  }

  private func signIn(_ request: Incoming) async -> Outgoing {
    guard !request.body.isEmpty else {
      return .json(
        Envelope.validation(
          field: "", message: "A non-empty request body is required.", href: request.href, method: "POST"),
        status: 400)
    }
    let fields = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
    let login = fields["userName"] as? String ?? ""
    let password = fields["password"] as? String ?? ""
    let session = fields["session"] as? Bool ?? false
    switch await state.signIn(
      login: login, password: password, session: session, ip: request.clientIP, agent: request.clientAgent,
      page: request.page)
    {
    case .failed:
      return .json(Envelope.error("User authentication failed", type: nil, statusCode: 401), status: 401)
    case .disabled:
      // An InvalidOperationException: 403 with its type and stack
      // (SERVER `common/ASC.Api.Core/Middleware/ResponseWrapper.cs:86-88`).
      return .json(
        Envelope.error(
          "User disabled", type: "System.InvalidOperationException", statusCode: 403, hresult: -2_146_233_079),
        status: 403)
    case .blocked:
      return .json(
        Envelope.error("Too many login attempts. Please try again later", type: nil, statusCode: 403), status: 403)
    case .success(let token, let expires):
      // A session sign-in leaves `Expires` at `default(DateTime)` (AuthenticationController.cs:323-329)
      // and its cookie has no expiry (CookiesManager.cs:178-189).
      let body = Wire.object([
        ("token", .string(token)), ("expires", .string(expires.map(models.clock.utc) ?? PortalClock.noExpiry)),
        ("sms", .bool(false)), ("tfa", .bool(false)),
      ])
      return Outgoing.success(body, request).settingCookie(token, expires: expires, secure: request.isSecure)
    }
  }
}
