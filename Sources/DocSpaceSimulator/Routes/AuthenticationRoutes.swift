import Foundation

/// `api/2.0/authentication`: sign in, ask whether signed in, sign out.
struct AuthenticationRoutes {
  let state: PortalState
  let models: WireModels

  func handle(_ request: Incoming, route: [String]) async -> Outgoing {
    switch (request.method, route) {
    case ("GET", []):
      let caller = await state.authenticate(cookieToken: request.cookieToken, authorization: request.authorization)
      return .success(.bool(caller != nil), request)
    case ("POST", []):
      return await signIn(request)
    case ("POST", ["logout"]):
      await state.signOut(
        cookieToken: request.cookieToken, ip: request.ip, agent: request.userAgent, page: request.page)
      var answer = Outgoing.success(nil, request)
      answer.headers.append(("Set-Cookie", "asc_auth_key=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/"))
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
    switch await state.signIn(
      login: login, password: password, ip: request.ip, agent: request.userAgent, page: request.page)
    {
    case .failed:
      return .json(Envelope.error("User authentication failed", type: nil, statusCode: 401), status: 401)
    case .blocked:
      return .json(
        Envelope.error("Too many login attempts. Please try again later", type: nil, statusCode: 403), status: 403)
    case .success(let token, let expires):
      let body = Wire.object([
        ("token", .string(token)), ("expires", .string(models.clock.utc(expires))), ("sms", .bool(false)),
        ("tfa", .bool(false)),
      ])
      return Outgoing.success(body, request).settingCookie(token, expires: expires)
    }
  }
}
