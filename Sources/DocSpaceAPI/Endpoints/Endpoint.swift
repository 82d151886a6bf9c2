import Foundation

/// One DocSpace route, declared once: how to call it, who may, and what it answers.
///
/// The client builds its requests from these values, and help, `explain`, dry-run plans, the trace
/// and `curl` read the same ones, so what dsh says it sends is what it sends.
public struct Endpoint: Sendable, Hashable {
  /// A name for the route, unique among the declarations (`logOutConnection`).
  public var name: String
  /// `GET`, `PUT` or `POST`.
  public var method: String
  /// The path with `{placeholders}`, such as `/api/2.0/security/activeconnections/logout/{loginEventId}`.
  public var path: String
  /// What the call does, in one line.
  public var summary: String
  /// The query parameters it takes.
  public var query: [Field]
  /// The JSON body fields it takes.
  public var body: [Field]
  /// How the caller must authenticate.
  public var auth: Auth
  /// Who may call it, as DocSpace's roles name it.
  public var role: String
  /// What the envelope's `response` holds.
  public var response: Response
  /// The page of api.onlyoffice.com that documents it, from the site's root.
  public var reference: String

  /// How a route wants to be authenticated.
  public enum Auth: String, Sendable, Hashable {
    /// Anyone may call it (signing in).
    case none = "none"
    /// A login token as the `asc_auth_key` cookie or an `sk-` key as Bearer; the portal
    /// knows the caller's own connection only from the cookie.
    case cookieOrBearer = "asc_auth_key cookie or Bearer API key"
    /// The cookie names the connection it acts on: with Bearer alone there is none.
    case cookie = "asc_auth_key cookie (Bearer works, but names no connection)"
  }

  /// A query parameter, body field or response field: name, type and one line.
  public struct Field: Sendable, Hashable {
    /// The field's name, as the API spells it (`loginEventId`).
    public var name: String
    /// The field's type as the reference names it (`int`, `guid`, `ApiDateTime`).
    public var type: String
    /// What the field means, in one line.
    public var help: String

    /// A field with its name, type and one line of help.
    public init(_ name: String, _ type: String, _ help: String) {
      self.name = name
      self.type = type
      self.help = help
    }
  }

  /// What `response` holds in the envelope: a DTO's name and its fields.
  public struct Response: Sendable, Hashable {
    /// The DTO's name as the server declares it (`ActiveConnectionsDto`), or `none`.
    public var type: String
    /// The fields of the DTO that help and `explain` show.
    public var fields: [Field]

    /// A response of `type` with these fields.
    public init(_ type: String, _ fields: [Field] = []) {
      self.type = type
      self.fields = fields
    }
  }

  /// A route declaration; see the properties for what each part means.
  public init(
    name: String, method: String, path: String, summary: String, query: [Field] = [], body: [Field] = [],
    auth: Auth = .cookieOrBearer, role: String, response: Response, reference: String
  ) {
    self.name = name
    self.method = method
    self.path = path
    self.summary = summary
    self.query = query
    self.body = body
    self.auth = auth
    self.role = role
    self.response = response
    self.reference = reference
  }

  static let referenceSite = "https://api.onlyoffice.com"

  /// The full address of the reference page.
  public var referenceURL: String { Self.referenceSite + reference }

  /// The method and path template as one line, such as `PUT …/logout/{loginEventId}`.
  public var line: String { "\(method) \(path)" }

  /// Whether the route may change the portal (anything but `GET` and `HEAD`): dry runs hold it back.
  public var isMutating: Bool { method != "GET" && method != "HEAD" }

  /// A request for this route: each `{placeholder}` replaced by its (percent-encoded) value,
  /// the query in the given order.
  func request(
    _ values: [String: String] = [:], query: [(String, String)] = [], body: Data? = nil, secretFields: [String] = []
  ) -> APIRequest {
    var path = Self.fill(self.path, values)
    if !query.isEmpty { path += "?" + query.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&") }
    var request = APIRequest(method, path, body: body, secretFields: secretFields)
    request.endpoint = name
    return request
  }

  /// Whether a request's method and path (its query aside) fit this route's template.
  public func matches(method: String, path: String) -> Bool {
    guard method == self.method else { return false }
    let bare = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    let given = bare.split(separator: "/", omittingEmptySubsequences: false)
    let template = self.path.split(separator: "/", omittingEmptySubsequences: false)
    guard given.count == template.count else { return false }
    return zip(given, template).allSatisfy { part, pattern in
      pattern.hasPrefix("{") ? !part.isEmpty : part == pattern
    }
  }

  /// How many of the template's segments are fixed text: `/people/@self` is more specific
  /// than `/people/{userId}`, so a request to it is that route's.
  var fixedSegments: Int { path.split(separator: "/").filter { !$0.hasPrefix("{") }.count }

  /// The declared route a request was sent to, the most specific when several fit.
  public static func route(method: String, path: String) -> Endpoint? {
    all.filter { $0.matches(method: method, path: path) }.max { $0.fixedSegments < $1.fixedSegments }
  }

  /// The template with each `{name}` that `values` holds replaced by its encoded value, in
  /// one pass (a bulk run builds a path per request).
  static func fill(_ template: String, _ values: [String: String]) -> String {
    guard !values.isEmpty else { return template }
    var filled = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      filled += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      filled += values[name].map(encode) ?? String(rest[open...close])
      rest = rest[rest.index(after: close)...]
    }
    return filled + rest
  }

  /// Percent-encodes all but the characters a query value may hold as they are (those of
  /// `CharacterSet.urlQueryAllowed` but `&=+?/#`), byte by byte of the UTF-8, in capitals.
  static func encode(_ text: String) -> String {
    guard !text.utf8.allSatisfy(isAllowed) else { return text }
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count * 3)
    for byte in text.utf8 {
      if isAllowed(byte) {
        bytes.append(byte)
      } else {
        bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func isAllowed(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return "!$'()*,-.:;@_~".utf8.contains(byte)
    }
  }
}
