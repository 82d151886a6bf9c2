import AsyncHTTPClient
import DocSpaceSimulator
import Foundation
import NIOCore

extension RawPortal {
  /// A request with exactly these headers (no User-Agent added) and the path sent as written.
  func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: String? = nil) async throws
    -> Answer
  {
    var request = HTTPClientRequest(url: server.url + path)
    request.method = .init(rawValue: method)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(ByteBuffer(string: body)) }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
    let buffer = try await response.body.collect(upTo: 10_000_000)
    return Answer(
      status: Int(response.status.code), body: String(buffer: buffer),
      headers: response.headers.map { ($0.name, $0.value) })
  }

  /// Every value of a header (each `Set-Cookie`, say).
  static func values(_ name: String, in answer: Answer) -> [String] {
    answer.headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
  }

  /// Signs in with this body; the whole answer.
  func signIn(body: String, query: String = "", headers: [(String, String)] = []) async throws -> Answer {
    try await send("POST", "/api/2.0/authentication" + query, headers: headers, body: body)
  }

  static func credentials(_ email: String, password: String = "demo-password", session: Bool? = nil) -> String {
    let sessionPart = session.map { ",\"session\":\($0)" } ?? ""
    return "{\"userName\":\"\(email)\",\"password\":\"\(password)\"\(sessionPart)}"
  }
}
