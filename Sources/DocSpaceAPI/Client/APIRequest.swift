import Foundation

/// One HTTP call to the portal, described without credentials.
public struct APIRequest: Sendable, Equatable {
  /// The HTTP method, such as `GET` or `PUT`.
  public var method: String
  /// The path and query, such as `/api/2.0/security/activeconnections`.
  public var path: String
  /// The JSON body to send; nil for none.
  public var body: Data?
  /// Body fields that hold a secret (the sign-in password): never shown, not even by `curl`.
  public var secretFields: [String] = []
  /// The declared route it was built from (`Endpoint.name`); nil for `api`'s raw calls.
  public var endpoint: String?

  /// A request for `path` (query included), with the body fields named in `secretFields` never shown.
  public init(_ method: String, _ path: String, body: Data? = nil, secretFields: [String] = []) {
    self.method = method
    self.path = path
    self.body = body
    self.secretFields = secretFields
  }

  /// Safe to repeat: the server's state after two is that after one.
  public var isIdempotent: Bool { method == "GET" || method == "PUT" || method == "HEAD" }
  /// Whether the request may change the portal (anything but `GET` and `HEAD`): dry runs hold these back.
  public var isMutating: Bool { method != "GET" && method != "HEAD" }

  /// The method and path as a trace shows them, such as `PUT /api/2.0/…`.
  public var line: String { "\(method) \(path)" }
}

/// A response: status, headers of interest and the raw body.
public struct APIResponse: Sendable {
  /// The HTTP status code.
  public var status: Int
  /// The raw body, as the portal sent it.
  public var body: Data
  var setCookieToken: String?
  /// Seconds, from a `Retry-After` header that passed `RetryAfter`'s checks.
  public var retryAfter: Double?
  /// An `asc_auth_key` cookie was set that is not a usable token; it was ignored.
  var offeredBadCookie = false

  init(status: Int, body: Data, setCookieToken: String? = nil, retryAfter: Double? = nil) {
    self.status = status
    self.body = body
    self.setCookieToken = setCookieToken
    self.retryAfter = retryAfter
  }
}

/// One request as the trace shows it: never a header, so never a secret.
public struct TraceEvent: Sendable {
  /// The request, as sent (secrets never included).
  public var request: APIRequest
  /// The HTTP status of the answer; nil when none came (a timeout, a dropped connection).
  public var status: Int?
  /// How long the attempt took, in milliseconds.
  public var milliseconds: Int
  /// Which attempt of the request this was, from 1.
  public var attempt: Int
  /// What else the trace should say about the attempt (the error of a failed one, an ignored
  /// cookie); nil when nothing.
  public var note: String?
  /// With `RequestOptions.traceBodies`: the bodies sent and received as pretty JSON, each
  /// secret (a password, a token, a key) replaced by `"***"`.
  public var requestBody: String?
  /// With `RequestOptions.traceBodies`: the body received as pretty JSON, secrets replaced by `"***"`.
  public var responseBody: String?
}
