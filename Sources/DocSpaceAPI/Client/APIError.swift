/// What can go wrong talking to a portal, in terms a user can act on.
public enum APIError: Error, Sendable, Equatable {
  case notSignedIn(APIRequest)
  case accessDenied(APIRequest, message: String)
  case notFound(APIRequest, message: String?)
  case badRequest(APIRequest, message: String)
  case rateLimited(APIRequest, retryAfter: Double?)
  /// 503: the portal (or a proxy before it) cannot take the request now.
  case unavailable(APIRequest, retryAfter: Double?)
  case serverError(APIRequest, status: Int, message: String?)
  case unexpectedStatus(APIRequest, status: Int)
  case redirected(APIRequest, status: Int, location: String?)
  case notJSON(APIRequest, status: Int, contentStart: String)
  case malformed(APIRequest, detail: String)
  case tooLarge(APIRequest, limit: Int)
  case unreachable(APIRequest, detail: String)
  /// The request may have reached the portal, but the connection ended before an answer.
  case connectionLost(APIRequest, detail: String)
  case notHTTP(APIRequest)
  case timedOut(APIRequest)
  case tlsFailure(APIRequest, detail: String)
  case badCACertificate(path: String, problem: String)
  case insecureURL(String)
  case invalidURL(String, reason: String)
  case invalidCredential(reason: String)
  /// A dry run planned this mutating request instead of sending it.
  case refusedInDryRun(APIRequest)
  case cancelled

  /// The request the error is about; nil for errors found before any request (a bad URL or credential).
  public var request: APIRequest? {
    switch self {
    case .notSignedIn(let request), .accessDenied(let request, _), .notFound(let request, _),
      .badRequest(let request, _), .rateLimited(let request, _), .unavailable(let request, _),
      .serverError(let request, _, _),
      .unexpectedStatus(let request, _), .redirected(let request, _, _), .notJSON(let request, _, _),
      .malformed(let request, _), .tooLarge(let request, _), .unreachable(let request, _),
      .connectionLost(let request, _), .notHTTP(let request), .timedOut(let request), .tlsFailure(let request, _),
      .refusedInDryRun(let request):
      return request
    case .insecureURL, .invalidURL, .invalidCredential, .badCACertificate, .cancelled:
      return nil
    }
  }

  /// The HTTP status, when the server answered.
  public var status: Int? {
    switch self {
    case .notSignedIn: return 401
    case .accessDenied: return 403
    case .notFound: return 404
    case .badRequest: return 400
    case .rateLimited: return 429
    case .unavailable: return 503
    case .serverError(_, let status, _), .unexpectedStatus(_, let status), .notJSON(_, let status, _),
      .redirected(_, let status, _):
      return status
    default: return nil
    }
  }

  /// Whether the portal could not be reached or refused the credentials (exit code 4).
  public var isConnectionProblem: Bool {
    switch self {
    case .notSignedIn, .unreachable, .connectionLost, .notHTTP, .timedOut, .tlsFailure, .badCACertificate,
      .insecureURL, .invalidURL, .invalidCredential, .redirected:
      return true
    default: return false
    }
  }

  /// Whether a mutating request may have taken effect although no answer says so: it may
  /// have been written before the deadline, the lost connection or the cancellation.
  public var answerIsUnknown: Bool {
    switch self {
    case .timedOut, .connectionLost, .cancelled: return true
    default: return false
    }
  }

  /// The error in one line for people, ending with the request it is about, such as "not found: The user
  /// could not be found (GET /api/2.0/people/x)".
  public var message: String {
    let suffix = request.map { " (\($0.line))" } ?? ""
    switch self {
    case .notSignedIn:
      return "not signed in, or the token was ended: run connect\(suffix)"
    case .accessDenied(_, let message): return "access denied: \(message)\(suffix)"
    case .notFound(_, let message): return "not found\(message.map { ": \($0)" } ?? "")\(suffix)"
    case .badRequest(_, let message): return "the portal rejected the request: \(message)\(suffix)"
    case .rateLimited(_, let retryAfter):
      return "the portal is rate-limiting requests\(retryAfter.map { "; retry after \(Int($0))s" } ?? "")\(suffix)"
    case .unavailable(_, let retryAfter):
      return
        "the portal is unavailable for now (HTTP 503)\(retryAfter.map { "; retry after \(Int($0))s" } ?? "")\(suffix)"
    case .serverError(_, let status, let message):
      return "the portal failed with HTTP \(status)\(message.map { ": \($0)" } ?? "")\(suffix)"
    case .unexpectedStatus(_, let status): return "unexpected HTTP \(status)\(suffix)"
    case .redirected(_, let status, let location):
      return
        "the portal answered HTTP \(status), a redirect to \(location ?? "nowhere"); dsh follows no redirects, so that credentials never leave the portal: if you trust that address, connect to it instead\(suffix)"
    case .notJSON(_, let status, let start):
      return
        "the answer was not JSON (HTTP \(status), starts with \(start.debugDescription)): is the URL a DocSpace portal, or is a proxy in the way?\(suffix)"
    case .malformed(_, let detail): return "the portal's answer was not understood: \(detail)\(suffix)"
    case .tooLarge(_, let limit):
      return
        "the portal's answer is larger than \(limit / (1024 * 1024)) MiB; dsh stopped reading it: is the URL a DocSpace portal, or is a proxy in the way?\(suffix)"
    case .unreachable(_, let detail): return "cannot reach the portal: \(detail)\(suffix)"
    case .connectionLost(_, let detail):
      return "the connection to the portal was lost before it answered: \(detail)\(suffix)"
    case .notHTTP:
      return "the server's answer is not HTTP: is this an https:// port?\(suffix)"
    case .timedOut: return "the portal did not answer in time (see 'set timeout')\(suffix)"
    case .tlsFailure(_, let detail):
      return "TLS failed: \(detail)\(suffix)"
    case .badCACertificate(let path, let problem):
      return "cannot use the CA certificate file \(path): \(problem); give a PEM file of CA certificates"
    case .insecureURL(let url):
      return "refusing plain http:// to \(url): use https://, or --allow-insecure-http if you must"
    case .invalidURL(let url, let reason):
      return "'\(url)' is not a portal URL like https://portal.example.com: \(reason)"
    case .invalidCredential(let reason): return "the token cannot be used: \(reason)"
    case .refusedInDryRun(let request): return "dry run: planned, not sent: \(request.line)"
    case .cancelled: return "interrupted: the request was cancelled"
    }
  }
}
