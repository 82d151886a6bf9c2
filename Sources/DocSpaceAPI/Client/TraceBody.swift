import Foundation

/// A body as `set trace full` shows it: pretty JSON with every secret's value replaced by `"***"`,
/// or a short note when it is not JSON.
///
/// Bounded, since a portal controls it.
enum TraceBody {
  /// Keys whose values are secrets wherever they appear: the sign-in's password, a login
  /// token, an API key.
  static let secretKeys: Set<String> = ["password", "passwordhash", "token", "key", "asc_auth_key"]
  /// The most characters shown of one body.
  static let maximumLength = 16 * 1024

  static func text(of body: Data, secrets: [String]) -> String {
    if body.isEmpty { return "(empty)" }
    guard ResponseDecoding.depth(of: body) <= ResponseDecoding.maximumDepth,
      let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
    else { return "(\(body.count) bytes, not JSON)" }
    let keys = secretKeys.union(secrets.map { $0.lowercased() })
    let redacted = redact(object, keys: keys)
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: redacted, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
    else { return "(\(body.count) bytes)" }
    let text = String(decoding: data, as: UTF8.self)
    guard text.count > maximumLength else { return text }
    return String(text.prefix(maximumLength)) + "\n… (\(text.count - maximumLength) more characters)"
  }

  static func redact(_ value: Any, keys: Set<String>) -> Any {
    if let object = value as? [String: Any] {
      var copy: [String: Any] = [:]
      for (key, item) in object {
        copy[key] = keys.contains(key.lowercased()) && !(item is NSNull) ? "***" : redact(item, keys: keys)
      }
      return copy
    }
    if let array = value as? [Any] { return array.map { redact($0, keys: keys) } }
    return value
  }
}
