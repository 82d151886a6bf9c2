import Foundation

/// Typed calls, one per declared route: each builds its request from its `Endpoint`.
extension DocSpaceClient {
  /// The caller's own active connections and the login event of the cookie (0 with Bearer alone).
  public func activeConnections() async throws(APIError) -> ActiveConnections {
    let request = Endpoint.activeConnections.request()
    guard let value = try await payload(ActiveConnections.self, request).response else {
      throw .malformed(request, detail: "no response in the envelope")
    }
    return value
  }

  /// `true` when the connection was ended; `false` when it was unknown or already inactive.
  public func logOut(connection id: Int) async throws(APIError) -> Bool {
    try await payload(Bool.self, Endpoint.logOutConnection.request(["loginEventId": String(id)])).response ?? false
  }

  /// Ends every connection of the user with this id; ending one's own gives the cookie a fresh
  /// connection.
  public func logOutAll(user id: String) async throws(APIError) {
    _ = try await send(Endpoint.logOutAllOfUser.request(["userId": id]))
  }

  /// The caller's display name, or nil when the portal failed internally.
  public func logOutAllExceptThis() async throws(APIError) -> String? {
    try await payload(String.self, Endpoint.logOutAllExceptThis.request()).response
  }

  /// The password-change confirmation URL.
  ///
  /// Ends the caller's own token too.
  public func logOutAllAndChangePassword() async throws(APIError) -> String? {
    try await payload(String.self, Endpoint.logOutAllChangePassword.request()).response
  }

  /// Signs in with a password; the token becomes this client's credential.
  public func signIn(userName: String, password: String) async throws(APIError) -> AuthToken {
    let body = try? JSONSerialization.data(
      withJSONObject: ["userName": userName, "password": password], options: [.sortedKeys])
    let request = Endpoint.signIn.request(body: body, secretFields: ["password"])
    let answer = try await payload(AuthToken.self, request).response
    guard let answer, let value = answer.token, !value.isEmpty else {
      throw .malformed(request, detail: "no token in the answer (is two-factor sign-in on for this account?)")
    }
    guard AuthCookie.isSane(value) else { throw .malformed(request, detail: "the token in the answer is not usable") }
    setCredential(.loginToken(value))
    return answer
  }

  /// Ends the connection named by the cookie and forgets the credential.
  public func signOut() async throws(APIError) {
    _ = try await send(Endpoint.signOut.request())
    setCredential(.none)
  }

  /// The caller's own profile, with the cookie's connection in `loginEventId`.
  public func me() async throws(APIError) -> Employee {
    let request = Endpoint.me.request()
    guard let me = try await payload(Employee.self, request).response else {
      throw .malformed(request, detail: "no user in the answer")
    }
    return me
  }

  /// One page of people; `total` is the number of all matches.
  public func people(search: String?, startIndex: Int, count: Int) async throws(APIError) -> (
    users: [Employee], total: Int
  ) {
    let page = [("startIndex", String(startIndex)), ("count", String(count))]
    let request =
      search.map { Endpoint.peopleSearch.request(query: page + [("employeeStatus", "1"), ("filterValue", $0)]) }
      ?? Endpoint.people.request(query: page)
    let envelope = try await payload([Employee].self, request)
    let users = envelope.response ?? []
    return (users, envelope.total ?? users.count)
  }

  /// Every page of people.
  public func allPeople(search: String?) async throws(APIError) -> [Employee] {
    var users: [Employee] = []
    while true {
      let page = try await people(search: search, startIndex: users.count, count: 100)
      users += page.users
      if page.users.isEmpty || users.count >= page.total { return users }
    }
  }

  /// The person with this id or user name; `.notFound` when the portal knows none.
  public func person(idOrUserName: String) async throws(APIError) -> Employee {
    let request = Endpoint.person.request(["userId": idOrUserName])
    guard let user = try await payload(Employee.self, request).response else {
      throw .notFound(request, message: "The user could not be found")
    }
    return user
  }

  /// The person with exactly this email; `.notFound` when the portal knows none.
  public func person(email: String) async throws(APIError) -> Employee {
    let request = Endpoint.personByEmail.request(query: [("email", email)])
    guard let user = try await payload(Employee.self, request).response else {
      throw .notFound(request, message: "The user could not be found")
    }
    return user
  }

  /// The most a page of the sign-in history may hold (`ApiContext.MaxCount`; more is a 400).
  public static let loginEventsPageSize = 100

  /// One unfiltered page of the portal's sign-in history, newest first (owners and DocSpace
  /// admins).
  ///
  /// Unfiltered because DocSpace 3.7 pages *before* it applies `userId`, `action`, `from` and `to`,
  /// so filtered pages hide matches on later pages. Without the plan's Audit feature the portal
  /// answers with its latest 20 events, whatever `startIndex` says.
  public func loginEvents(startIndex: Int, count: Int = loginEventsPageSize) async throws(APIError) -> [LoginEvent] {
    let request = Endpoint.loginEvents.request(query: [("startIndex", String(startIndex)), ("count", String(count))])
    return try await payload([LoginEvent].self, request).response ?? []
  }

  /// Any call; the raw JSON body.
  public func raw(method: String, path: String, body: Data?) async throws(APIError) -> Data {
    let normalized = path.hasPrefix("/") ? path : "/" + path
    if normalized.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || !$0.isASCII }) {
      throw .invalidURL(path, reason: "a path must not hold spaces, control characters or non-ASCII text (encode them)")
    }
    var request = APIRequest(method.uppercased(), normalized, body: body)
    request.endpoint = Endpoint.route(method: request.method, path: normalized)?.name
    return try await send(request).body
  }
}
