import Foundation

/// A request as the controllers see it.
struct Incoming: Sendable {
  var method: String
  var path: String
  var query: [String: String]
  var cookieToken: String?
  var authorization: String?
  var userAgent: String?
  var referer: String?
  var ip: String
  var host: String
  var body: Data

  /// The full request URL, as `links[0].href` carries it.
  var href: String {
    let queryText =
      query.isEmpty ? "" : "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    return "http://\(host)\(path)\(queryText)"
  }

  /// Referer, else the request URL: what the server stores as `page`.
  var page: String { String((referer ?? href).prefix(512)) }
}

/// An answer before it becomes a Hummingbird response.
struct Outgoing: Sendable {
  var status: Int
  var body: String
  var headers: [(String, String)] = []

  static func json(_ body: String, status: Int = 200) -> Outgoing {
    Outgoing(status: status, body: body, headers: [("Content-Type", "application/json; charset=utf-8")])
  }

  static func success(_ response: Wire?, _ request: Incoming, total: Int? = nil) -> Outgoing {
    json(Envelope.success(response, total: total, href: request.href, method: request.method))
  }

  /// 401 from the authentication challenge: no body at all.
  static let unauthorized = Outgoing(status: 401, body: "")
  static let notFound = Outgoing(status: 404, body: "")
  static let forbidden = json(Envelope.accessDenied(), status: 403)

  func settingCookie(_ token: String, expires: Date) -> Outgoing {
    var copy = self
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    copy.headers.append(
      (
        "Set-Cookie",
        "asc_auth_key=\(token); expires=\(formatter.string(from: expires)); path=/; samesite=strict; httponly"
      ))
    return copy
  }
}
