import Foundation

/// A request as the controllers see it.
struct Incoming: Sendable {
  var method: String
  var path: String
  /// Decoded query values by name.
  var query: [String: String]
  /// The query exactly as sent, without the `?`; nil when the URL had none.
  var rawQuery: String? = nil
  /// `http`, or `https` under TLS.
  var scheme = "http"
  /// Every cookie of the request by name, empty values included.
  var cookies: [String: String] = [:]
  var authorization: String?
  var userAgent: String?
  var referer: String?
  var origin: String? = nil
  /// `Access-Control-Request-Method` and `-Headers`, which make an OPTIONS a CORS preflight.
  var preflightMethod: String? = nil
  var preflightHeaders: String? = nil
  /// The peer address of the connection.
  var ip: String
  var host: String
  var body: Data

  /// The `asc_auth_key` cookie, as sent (possibly empty).
  var cookieToken: String? { cookies["asc_auth_key"] }

  /// The full request URL, as `links[0].href` carries it: `Request.GetDisplayUrl()`
  /// (SERVER `common/ASC.Api.Core/Middleware/CommonApiResponse.cs:141`), whose query is the
  /// raw `QueryString`, neither decoded nor re-ordered.
  var href: String { "\(scheme)://\(host)\(path)" + (rawQuery.map { "?" + $0 } ?? "") }

  /// The client address a login event records: `?request-x-real-ip=` wins over the peer
  /// address (SERVER `common/ASC.MessagingSystem/Core/MessageSettings.cs:107-112`).
  var clientIP: String { Self.nonEmpty(query["request-x-real-ip"]) ?? ip }

  /// The User-Agent a login event records: `?request-user-agent=` wins over the header
  /// (MessageSettings.cs:80-85).
  var clientAgent: String? { Self.nonEmpty(query["request-user-agent"]) ?? userAgent }

  /// `?fields=a,b` (or `fields[]=`), as `GetRequestArray("fields")` reads it
  /// (SERVER `common/ASC.Api.Core/Core/ApiContext.cs:67-90`).
  var fields: [String]? {
    if let values = Self.nonEmpty(query["fields[]"]) { return [values] }
    return Self.nonEmpty(query["fields"]).map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  var isSecure: Bool { scheme == "https" }

  /// Referer, else the request URL: what the server stores as `page`.
  var page: String { String((referer ?? href).prefix(512)) }

  private static func nonEmpty(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
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
    json(Envelope.success(response, total: total, href: request.href, method: request.method, fields: request.fields))
  }

  /// 401 from the authentication challenge: no body at all.
  static let unauthorized = Outgoing(status: 401, body: "")
  static let notFound = Outgoing(status: 404, body: "")
  static let forbidden = json(Envelope.accessDenied(), status: 403)

  /// `Response.Cookies.Delete(name)`: ASP.NET writes an empty value that expired at the epoch.
  static func deletingCookie(_ name: String) -> (String, String) {
    ("Set-Cookie", "\(name)=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/")
  }

  /// The `asc_auth_key` cookie as `CookiesManager.SetCookiesAsync` sets it
  /// (SERVER `web/ASC.Web.Core/CookiesManager.cs:68-131`): no `expires` for a session cookie,
  /// `secure` when the request came over https, `samesite=strict` and `httponly` always; in
  /// the order ASP.NET writes the attributes.
  func settingCookie(_ token: String, expires: Date?, secure: Bool) -> Outgoing {
    var copy = self
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    var parts = ["asc_auth_key=\(token)"]
    if let expires { parts.append("expires=\(formatter.string(from: expires))") }
    parts.append("path=/")
    if secure { parts.append("secure") }
    parts += ["samesite=strict", "httponly"]
    copy.headers.append(("Set-Cookie", parts.joined(separator: "; ")))
    return copy
  }
}
