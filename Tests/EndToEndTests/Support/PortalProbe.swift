import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The portal's own answer, read over plain HTTP with credentials of the test's own: what the tests
/// hold dsh's reports against.
///
/// Shares no code with dsh's client.
struct PortalProbe: Sendable {
  let url: String

  /// Who asks: a login token (sent as the `asc_auth_key` cookie, so the portal knows which
  /// connection is the caller's own), or an email and the demo password (Basic), which
  /// reads without adding a connection of its own.
  enum Credential: Sendable {
    case loginToken(String)
    case password(email: String)
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private static let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    configuration.timeoutIntervalForRequest = 20
    return URLSession(configuration: configuration)
  }()

  /// Signs in with the demo password; the login token from the envelope's `response.token`.
  func signIn(_ email: String = "owner@example.com") async throws -> String {
    let body = try JSONSerialization.data(withJSONObject: ["userName": email, "password": "demo-password"])
    let answer = try await call("POST", "/api/2.0/authentication", credential: nil, body: body)
    guard let token = (answer as? [String: Any])?["token"] as? String, !token.isEmpty else {
      throw Failure(description: "sign-in of \(email) returned no token")
    }
    return token
  }

  /// The caller's active connections: the caller's own (0 when the portal cannot tell) and
  /// every id.
  func connections(_ credential: Credential) async throws -> (own: Int, ids: Set<Int>) {
    let answer = try await call("GET", "/api/2.0/security/activeconnections", credential: credential)
    guard let object = answer as? [String: Any], let items = object["items"] as? [[String: Any]] else {
      throw Failure(description: "activeconnections answered without items")
    }
    let ids = items.compactMap { $0["id"] as? Int }.filter { $0 != 0 }
    return (object["loginEvent"] as? Int ?? 0, Set(ids))
  }

  /// Every user the caller can see, as id and email, read page by page.
  func people(_ credential: Credential) async throws -> [(id: String, email: String)] {
    var people: [(id: String, email: String)] = []
    while true {
      let answer = try await call(
        "GET", "/api/2.0/people?count=100&startIndex=\(people.count)", credential: credential)
      guard let page = answer as? [[String: Any]] else { throw Failure(description: "people answered no list") }
      people += page.compactMap { user in
        guard let id = user["id"] as? String, let email = user["email"] as? String else { return nil }
        return (id, email)
      }
      if page.count < 100 { return people }
    }
  }

  /// One request; the envelope's `response`, or a failure naming the status.
  private func call(_ method: String, _ path: String, credential: Credential?, body: Data? = nil) async throws -> Any {
    guard let address = URL(string: url + path) else { throw Failure(description: "bad URL \(url + path)") }
    var request = URLRequest(url: address)
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let body {
      request.httpBody = body
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    switch credential {
    case .loginToken(let token)?:
      request.setValue("asc_auth_key=\(token)", forHTTPHeaderField: "Cookie")
    case .password(let email)?:
      let pair = Data("\(email):demo-password".utf8).base64EncodedString()
      request.setValue("Basic \(pair)", forHTTPHeaderField: "Authorization")
    case nil:
      break
    }
    let (data, response) = try await Self.session.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else { throw Failure(description: "\(method) \(path) answered \(status)") }
    guard let envelope = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let payload = envelope["response"]
    else { throw Failure(description: "\(method) \(path) answered no envelope") }
    return payload
  }
}
