import Foundation

/// How dsh proves who it is.
///
/// A login token travels as the `asc_auth_key` cookie (as the web client sends it, so the portal
/// knows which connection is the shell's own); an `sk-…` API key travels as `Authorization: Bearer`
/// and is no connection.
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

  /// Classifies a token and refuses one that could not travel in a header: a control
  /// character (a pasted line break, say) is named by its position, never echoed.
  public static func validated(token: String) throws(APIError) -> Credential {
    let credential = Credential(token: token)
    try credential.validate()
    return credential
  }

  /// Throws `.invalidCredential` when the secret holds a control character or non-ASCII text.
  public func validate() throws(APIError) {
    let secret: String
    switch self {
    case .none: return
    case .loginToken(let token): secret = token
    case .apiKey(let key): secret = key
    }
    for (offset, scalar) in secret.unicodeScalars.enumerated() {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        throw .invalidCredential(
          reason: "it has a control character at position \(offset + 1); copy it again without line breaks")
      }
      if scalar.value > 0x7E {
        throw .invalidCredential(reason: "it has a non-ASCII character at position \(offset + 1)")
      }
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

  /// The login token, when the credential is one.
  public var loginToken: String? {
    if case .loginToken(let token) = self { return token }
    return nil
  }

  /// Whether it is a login token, which names a connection (an `sk-` key and no credential do not).
  public var isConnection: Bool {
    if case .loginToken = self { return true }
    return false
  }
}
