/// Signing in and out: `api/2.0/authentication`.
extension Endpoint {
  /// `POST /api/2.0/authentication`: signs in with a password and answers a login token, also set as the
  /// `asc_auth_key` cookie.
  public static let signIn = Endpoint(
    name: "signIn", method: "POST", path: "/api/2.0/authentication",
    summary: "sign in with a password: a login token, also set as the asc_auth_key cookie",
    body: [
      Field("userName", "string", "the account's email or login"),
      Field("password", "string", "its password (dsh never shows it: curl leaves it in $DOCSPACE_PASSWORD)"),
    ],
    auth: .none, role: "anyone",
    response: Response(
      "AuthenticationTokenDto",
      [
        Field("token", "string", "the login token: send it as the asc_auth_key cookie"),
        Field("expires", "string", "when the token expires (UTC)"),
        Field("sms", "bool", "true: an SMS code is needed first (no token)"),
        Field("tfa", "bool", "true: an authenticator code is needed first (no token)"),
      ]),
    reference: usageAPI + "authentication/authenticate-a-user/")

  /// `POST /api/2.0/authentication/logout`: ends the connection named by the cookie (with Bearer alone,
  /// nothing ends).
  public static let signOut = Endpoint(
    name: "signOut", method: "POST", path: "/api/2.0/authentication/logout",
    summary: "end the connection named by the cookie (with Bearer alone: nothing ends)",
    auth: .cookie, role: "any signed-in user",
    response: Response("none"),
    reference: usageAPI + "authentication/log-out/")
}
