/// The portal's sign-in history: `api/2.0/security/audit/login`.
extension Endpoint {
  /// `GET /api/2.0/security/audit/login/filter`: one page of the portal's sign-in history, newest first
  /// (DocSpace pages before it filters, so dsh filters).
  public static let loginEvents = Endpoint(
    name: "loginEvents", method: "GET", path: "/api/2.0/security/audit/login/filter",
    summary: "one page of the portal's sign-in history, newest first; DocSpace pages before it filters, so dsh filters",
    query: pageQuery,
    role: "Owner or DocSpace admin",
    response: Response(
      "[LoginEventDto]",
      [
        Field("id", "int", "the event; a successful sign-in's id is its connection id"),
        Field("date", "ApiDateTime", "when it happened"),
        Field("user", "string", "the display name (for a failure: the login typed)"),
        Field("userId", "guid", "whose event (failures: the Guest account)"),
        Field("login", "string", "the login typed, on failures"),
        Field("action", "string", "what happened, in words"),
        Field("actionId", "int", "the MessageAction: 1010 sign-in via API, 1013 failed via API, 1006 logout…"),
        Field("ip", "string", "the address"),
        Field("country", "string", "geo-IP country"),
        Field("city", "string", "geo-IP city"),
        Field("browser", "string", "browser and major version"),
        Field("platform", "string", "operating system and device"),
        Field("page", "string", "the page of the request"),
      ]),
    reference: usageAPI + "security/login-history/get-login-events-by-filter/")
}
