import Foundation

/// A request as a `curl` command line a learner can run: the token stays in
/// `$DOCSPACE_TOKEN` and a password in `$DOCSPACE_PASSWORD`, so neither is printed.
struct CurlCommand {
  /// How the call was authenticated, without the secret.
  enum Auth: Sendable {
    case none, cookie, bearer

    init(_ credential: Credential) {
      switch credential {
      case .none: self = .none
      case .loginToken: self = .cookie
      case .apiKey: self = .bearer
      }
    }

    var arguments: [String] {
      switch self {
      case .none: return []
      case .cookie: return ["-H", "'Cookie: asc_auth_key='\"$DOCSPACE_TOKEN\""]
      case .bearer: return ["-H", "\"Authorization: Bearer $DOCSPACE_TOKEN\""]
      }
    }
  }

  var request: APIRequest
  var auth: Auth
  var baseURL: URL

  var text: String {
    var parts = ["curl", "-X", request.method]
    parts += auth.arguments
    if let body = bodyText {
      parts += ["-H", "'Content-Type: application/json'", "--data", body]
    }
    parts.append(quoted(baseURL.absoluteString + request.path))
    return parts.joined(separator: " ")
  }

  /// The body in single quotes, each secret field's value spliced in from its variable.
  private var bodyText: String? {
    guard let body = request.body else { return nil }
    guard !request.secretFields.isEmpty,
      var object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    else { return quoted(String(decoding: body, as: UTF8.self)) }
    let marker = "\u{1}SECRET\u{1}"
    for field in request.secretFields where object[field] != nil { object[field] = marker }
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
      return nil
    }
    let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\u0001SECRET\\u0001", with: marker)
    return quoted(json).replacingOccurrences(of: marker, with: "'\"$DOCSPACE_PASSWORD\"'")
  }

  private func quoted(_ text: String) -> String {
    "'\(text.replacingOccurrences(of: "'", with: "'\\''"))'"
  }
}
