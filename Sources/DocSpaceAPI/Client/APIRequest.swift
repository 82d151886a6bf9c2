import Foundation

/// One HTTP call to the portal, described without credentials.
public struct APIRequest: Sendable, Equatable {
  public var method: String
  /// The path and query, e.g. `/api/2.0/security/activeconnections`.
  public var path: String
  public var body: Data?
  /// Body fields that hold a secret (the sign-in password): never shown, not even by `curl`.
  public var secretFields: [String] = []
  /// The declared route it was built from (`Endpoint.name`); nil for `api`'s raw calls.
  public var endpoint: String?

  public init(_ method: String, _ path: String, body: Data? = nil, secretFields: [String] = []) {
    self.method = method
    self.path = path
    self.body = body
    self.secretFields = secretFields
  }

  /// Safe to repeat: the server's state after two is that after one.
  public var isIdempotent: Bool { method == "GET" || method == "PUT" || method == "HEAD" }
  public var isMutating: Bool { method != "GET" && method != "HEAD" }

  /// `PUT /api/2.0/…`
  public var line: String { "\(method) \(path)" }
}

/// A response: status, headers of interest and the raw body.
public struct APIResponse: Sendable {
  public var status: Int
  public var body: Data
  public var setCookieToken: String?
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
  public var request: APIRequest
  public var status: Int?
  public var milliseconds: Int
  public var attempt: Int
  public var note: String?
  /// With `RequestOptions.traceBodies`: the bodies sent and received as pretty JSON, each
  /// secret (a password, a token, a key) replaced by `"***"`.
  public var requestBody: String?
  public var responseBody: String?
}
