import DSHLanguage
import DocSpaceAPI

/// API errors as the language reports them.
extension CommandFailure {
  init(_ error: APIError, role: String? = nil) {
    var help: String?
    switch error {
    case .accessDenied: help = role.map { "this needs the \($0) role" }
    case .notSignedIn: help = "run 'connect URL' (or set DOCSPACE_TOKEN) and try again"
    case .rateLimited, .unavailable:
      help = "wait a moment; bulk verbs slow down by themselves with 'set concurrency auto', or set a lower number"
    default: break
    }
    let kind: Kind
    if case .cancelled = error {
      kind = .interrupted
    } else if error.isConnectionProblem {
      kind = .connection
    } else {
      kind = .api
    }
    self.init(kind, error.message, status: error.status, help: help)
  }
}

/// Runs an API call, turning its error into a `CommandFailure`.
func calling<T>(role: String? = nil, _ body: () async throws(APIError) -> T) async throws -> T {
  do {
    return try await body()
  } catch {
    throw CommandFailure(error, role: role)
  }
}
