/// What can go wrong talking to a portal, in terms a user can act on.
public enum APIError: Error, Sendable, Equatable {
  case notSignedIn(APIRequest)
  case accessDenied(APIRequest, message: String)
  case notFound(APIRequest, message: String?)
  case badRequest(APIRequest, message: String)
  case rateLimited(APIRequest, retryAfter: Double?)
  case serverError(APIRequest, status: Int, message: String?)
  case unexpectedStatus(APIRequest, status: Int)
  case notJSON(APIRequest, status: Int, contentStart: String)
  case malformed(APIRequest, detail: String)
  case unreachable(APIRequest, detail: String)
  case timedOut(APIRequest)
  case tlsFailure(APIRequest, detail: String)
  case badCACertificate(path: String, problem: String)
  case insecureURL(String)
  case invalidURL(String)
  case refusedInDryRun(APIRequest)
  case cancelled

  public var request: APIRequest? {
    switch self {
    case .notSignedIn(let request), .accessDenied(let request, _), .notFound(let request, _),
      .badRequest(let request, _), .rateLimited(let request, _), .serverError(let request, _, _),
      .unexpectedStatus(let request, _), .notJSON(let request, _, _), .malformed(let request, _),
      .unreachable(let request, _), .timedOut(let request), .tlsFailure(let request, _),
      .refusedInDryRun(let request):
      return request
    case .insecureURL, .invalidURL, .badCACertificate, .cancelled:
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
    case .serverError(_, let status, _), .unexpectedStatus(_, let status), .notJSON(_, let status, _):
      return status
    default: return nil
    }
  }

  /// Whether the portal could not be reached or refused the credentials (exit code 4).
  public var isConnectionProblem: Bool {
    switch self {
    case .notSignedIn, .unreachable, .timedOut, .tlsFailure, .badCACertificate, .insecureURL, .invalidURL:
      return true
    default: return false
    }
  }

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
    case .serverError(_, let status, let message):
      return "the portal failed with HTTP \(status)\(message.map { ": \($0)" } ?? "")\(suffix)"
    case .unexpectedStatus(_, let status): return "unexpected HTTP \(status)\(suffix)"
    case .notJSON(_, let status, let start):
      return
        "the answer was not JSON (HTTP \(status), starts with \(start.debugDescription)): is the URL a DocSpace portal, or is a proxy in the way?\(suffix)"
    case .malformed(_, let detail): return "the portal's answer was not understood: \(detail)\(suffix)"
    case .unreachable(_, let detail): return "cannot reach the portal: \(detail)\(suffix)"
    case .timedOut: return "the portal did not answer in time\(suffix)"
    case .tlsFailure(_, let detail):
      return "TLS failed: \(detail)\(suffix)"
    case .badCACertificate(let path, let problem):
      return "cannot use the CA certificate file \(path): \(problem); give a PEM file of CA certificates"
    case .insecureURL(let url):
      return "refusing plain http:// to \(url): use https://, or --allow-insecure-http if you must"
    case .invalidURL(let url): return "'\(url)' is not a portal URL like https://portal.example.com"
    case .refusedInDryRun(let request): return "dry run: not sending \(request.line)"
    case .cancelled: return "interrupted: the request was cancelled"
    }
  }
}
