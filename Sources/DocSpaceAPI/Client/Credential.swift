import Foundation

/// How dsh proves who it is. A login token travels as the `asc_auth_key` cookie (as the
/// web client sends it, so the portal knows which connection is the shell's own); an
/// `sk-…` API key travels as `Authorization: Bearer` and is no connection.
public enum Credential: Sendable, Equatable {
  case none
  case loginToken(String)
  case apiKey(String)

  /// Classifies a token from `DOCSPACE_TOKEN` or `--token`.
  public init(token: String) {
    let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty {
      self = .none
    } else if trimmed.hasPrefix("sk-") {
      self = .apiKey(trimmed)
    } else {
      self = .loginToken(trimmed)
    }
  }

  /// The headers that carry the credential.
  var headers: [(String, String)] {
    switch self {
    case .none: return []
    case .loginToken(let token): return [("Cookie", "asc_auth_key=\(token)")]
    case .apiKey(let key): return [("Authorization", "Bearer \(key)")]
    }
  }

  /// How `curl` would pass it, with the secret left in an environment variable.
  var curlArguments: [String] {
    switch self {
    case .none: return []
    case .loginToken: return ["-H", "'Cookie: asc_auth_key='\"$DOCSPACE_TOKEN\""]
    case .apiKey: return ["-H", "\"Authorization: Bearer $DOCSPACE_TOKEN\""]
    }
  }

  /// The login token, when the credential is one.
  public var loginToken: String? {
    if case .loginToken(let token) = self { return token }
    return nil
  }

  public var isConnection: Bool {
    if case .loginToken = self { return true }
    return false
  }
}
