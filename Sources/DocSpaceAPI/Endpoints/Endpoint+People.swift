/// Looking people up: `api/2.0/people`.
extension Endpoint {
  static let employeeFields: [Field] = [
    Field("id", "guid", "the user's id (revoke-user takes it)"),
    Field("displayName", "string", "the name as the portal shows it"),
    Field("userName", "string", "the login name"),
    Field("email", "string", "the sign-in email"),
    Field("status", "int", "1 active, 2 terminated, 4 pending"),
    Field("isOwner", "bool", "the portal's owner"),
    Field("isAdmin", "bool", "a DocSpace admin (false for the owner)"),
    Field("isRoomAdmin", "bool", "a room admin"),
    Field("isCollaborator", "bool", "a user (collaborator)"),
    Field("isVisitor", "bool", "a guest"),
    Field("registrationDate", "ApiDateTime", "when the account was made"),
  ]

  static let pageQuery: [Field] = [
    Field("startIndex", "int", "how many to skip"),
    Field("count", "int", "how many to return, 1-100 (more is a 400)"),
  ]

  /// `GET /api/2.0/people/@self`: the caller's own profile, with the cookie's connection id.
  public static let me = Endpoint(
    name: "me", method: "GET", path: "/api/2.0/people/@self",
    summary: "the caller's own profile, with the cookie's connection id",
    role: "any signed-in user",
    response: Response(
      "EmployeeFullDto",
      employeeFields + [
        Field("loginEventId", "int", "the connection of the asc_auth_key cookie; 0 for a Bearer-only caller")
      ]),
    reference: usageAPI + "people/profiles/get-self-profile/")

  /// `GET /api/2.0/people`: one page of the portal's active people.
  public static let people = Endpoint(
    name: "people", method: "GET", path: "/api/2.0/people",
    summary: "one page of the portal's active people",
    query: pageQuery, role: "Owner, DocSpace admin or Room admin",
    response: Response("[EmployeeFullDto]", employeeFields + [Field("total", "int", "(envelope) all matches")]),
    reference: usageAPI + "people/profiles/get-all-profiles/")

  /// `GET /api/2.0/people/filter`: one page of the active people whose names or emails hold every word.
  public static let peopleSearch = Endpoint(
    name: "peopleSearch", method: "GET", path: "/api/2.0/people/filter",
    summary: "one page of active people whose names or emails hold every word",
    query: pageQuery + [
      Field("employeeStatus", "int", "1: active people only, as `GET people` lists (without it, disabled too)"),
      Field("filterValue", "string", "words that must each appear in a name or email"),
    ],
    role: "Owner, DocSpace admin or Room admin",
    response: Response("[EmployeeFullDto]", employeeFields + [Field("total", "int", "(envelope) all matches")]),
    reference: usageAPI + "people/search/search-users-by-extended-filter/")

  /// `GET /api/2.0/people/{userId}`: one person by id or user name.
  public static let person = Endpoint(
    name: "person", method: "GET", path: "/api/2.0/people/{userId}",
    summary: "one person by id or user name",
    role: "self; others: Owner, DocSpace admin or Room admin",
    response: Response("EmployeeFullDto", employeeFields),
    reference: usageAPI + "people/profiles/get-profile-by-user-id/")

  /// `GET /api/2.0/people/email`: one person by exact email.
  public static let personByEmail = Endpoint(
    name: "personByEmail", method: "GET", path: "/api/2.0/people/email",
    summary: "one person by exact email",
    query: [Field("email", "string", "the email, matched exactly")],
    role: "self; others: Owner, DocSpace admin or Room admin",
    response: Response("EmployeeFullDto", employeeFields),
    reference: usageAPI + "people/profiles/get-profile-by-email/")
}
