import AsyncHTTPClient
import DocSpaceSimulator
import Foundation
import NIOCore

/// Raw HTTP against the simulator: status, headers and JSON as the wire has them.
///
/// Shares no types with the client on purpose.
struct RawPortal {
  let server: SimulatorServer

  struct Answer {
    var status: Int
    var body: String
    var headers: [(String, String)]
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    var response: Any? { json["response"] }
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
  }

  static func start(_ configure: (inout SimulatorOptions) -> Void = { _ in }) async throws -> RawPortal {
    var options = SimulatorOptions()
    options.port = 0
    configure(&options)
    return RawPortal(server: try await SimulatorServer.start(options))
  }

  func request(
    _ method: String, _ path: String, cookie: String? = nil, authorization: String? = nil, body: String? = nil
  ) async throws -> Answer {
    var headers: [(String, String)] = []
    if let cookie { headers.append(("Cookie", "asc_auth_key=\(cookie)")) }
    if let authorization { headers.append(("Authorization", authorization)) }
    headers.append(("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0 Safari/537.36"))
    return try await send(method, path, headers: headers, body: body)
  }

  /// Signs in; the login token.
  func signIn(_ email: String) async throws -> String {
    let answer = try await request(
      "POST", "/api/2.0/authentication", body: "{\"userName\":\"\(email)\",\"password\":\"demo-password\"}")
    return ((answer.response as? [String: Any])?["token"] as? String) ?? ""
  }

  func connections(_ token: String) async throws -> (loginEvent: Int, ids: [Int], items: [[String: Any]]) {
    let answer = try await request("GET", "/api/2.0/security/activeconnections", cookie: token)
    let response = answer.response as? [String: Any] ?? [:]
    let items = response["items"] as? [[String: Any]] ?? []
    return (response["loginEvent"] as? Int ?? -1, items.compactMap { $0["id"] as? Int }, items)
  }

  static let ownerId = "66faa6e4-f133-11ea-b126-00ffeec8b4ef"
  static let roles = [
    "owner@example.com", "admin@example.com", "roomadmin@example.com", "user@example.com", "guest@example.com",
  ]
}
