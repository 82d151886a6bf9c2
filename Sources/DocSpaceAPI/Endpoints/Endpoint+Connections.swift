/// The five routes of `api/2.0/security/activeconnections` (DocSpace 3.7).
extension Endpoint {
  static let connectionsPath = "/api/2.0/security/activeconnections"
  static let usageAPI = "/docspace/api-backend/usage-api/"

  static let connectionFields: [Field] = [
    Field("id", "int", "the login event of the sign-in: the connection id logout/{loginEventId} takes"),
    Field("tenantId", "int", "the portal's id"),
    Field("userId", "guid", "whose connection it is (always the caller)"),
    Field("mobile", "bool", "always false: DocSpace stores no mobile flag"),
    Field("ip", "string", "the address it signed in from (cut at the first ':', which mangles IPv6)"),
    Field("country", "string", "geo-IP country, \"\" when unknown"),
    Field("city", "string", "geo-IP city, \"\" when unknown"),
    Field("browser", "string", "\"<browser> <major version>\" from the User-Agent, e.g. \"Chrome 120\""),
    Field("platform", "string", "the operating system and device, e.g. \"Windows 10\""),
    Field("date", "ApiDateTime", "when it signed in, in the portal's time zone"),
    Field("page", "string", "the page (Referer) of the sign-in request"),
  ]

  /// `GET …/activeconnections`: the caller's own active connections, the cookie's own first.
  public static let activeConnections = Endpoint(
    name: "activeConnections", method: "GET", path: connectionsPath,
    summary: "the caller's own active connections, the cookie's own first",
    role: "any signed-in user (their own only)",
    response: Response(
      "ActiveConnectionsDto",
      [
        Field("loginEvent", "int", "the connection of the asc_auth_key cookie; 0 for a Bearer-only caller"),
        Field("items", "[ActiveConnectionsItemDto]", "the connections, newest first; each has:"),
      ] + connectionFields.map { Field("items[].\($0.name)", $0.type, $0.help) }),
    reference: usageAPI + "get-all-active-connections/")

  /// `PUT …/activeconnections/logout/{loginEventId}`: ends one connection, so its token stops working.
  public static let logOutConnection = Endpoint(
    name: "logOutConnection", method: "PUT", path: connectionsPath + "/logout/{loginEventId}",
    summary: "end one connection (its token stops working)",
    role: "any user for their own; Owner or DocSpace admin for anyone's",
    response: Response(
      "bool", [Field("response", "bool", "true: ended; false: unknown or already ended (not an error)")]),
    reference: usageAPI + "log-out-active-connection/")

  /// `PUT …/activeconnections/logoutall/{userId}`: ends every connection of a user; the caller's own cookie
  /// gets a fresh one.
  public static let logOutAllOfUser = Endpoint(
    name: "logOutAllOfUser", method: "PUT", path: connectionsPath + "/logoutall/{userId}",
    summary: "end every connection of a user; the caller's own cookie gets a fresh one",
    role: "any user for themself; Owner or DocSpace admin for others",
    response: Response("none", [Field("count", "int", "0: the envelope carries no response")]),
    reference: usageAPI + "log-out-all-active-connections-for-user/")

  /// `PUT …/activeconnections/logoutallexceptthis`: ends the caller's connections except the cookie's own
  /// (with Bearer alone, all of them).
  public static let logOutAllExceptThis = Endpoint(
    name: "logOutAllExceptThis", method: "PUT", path: connectionsPath + "/logoutallexceptthis",
    summary: "end the caller's connections except the cookie's own (with Bearer alone: all of them)",
    auth: .cookie, role: "any signed-in user",
    response: Response("string", [Field("response", "string", "the caller's display name; absent on failure")]),
    reference: usageAPI + "log-out-all-except-this-connection/")

  /// `PUT …/activeconnections/logoutallchangepassword`: ends all the caller's connections, this one too, and
  /// answers a password-change link.
  public static let logOutAllChangePassword = Endpoint(
    name: "logOutAllChangePassword", method: "PUT", path: connectionsPath + "/logoutallchangepassword",
    summary: "end all the caller's connections, this one too, and return a password-change link",
    role: "any signed-in user",
    response: Response(
      "string", [Field("response", "string", "the password-change confirmation URL (nothing is mailed)")]),
    reference: usageAPI + "log-out-all-active-connections-change-password/")
}
