import Foundation

/// The `asc_auth_key` cookie a portal may hand back (after signing in, or after ending the caller's
/// own sessions).
///
/// What a server sends is untrusted: a value is taken only if it has the size and characters of a
/// token.
enum AuthCookie {
  static let name = "asc_auth_key"
  static let maximumLength = 4096

  /// The new `asc_auth_key` value from `Set-Cookie` headers, if one is set (not deleted) and sane.
  static func token(in headers: [String]) -> String? {
    for header in headers {
      guard let pair = header.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
      else { continue }
      let parts = pair.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { continue }
      let value = parts[1].trimmingCharacters(in: .whitespaces)
      if isSane(value) { return value }
    }
    return nil
  }

  /// Whether the headers set an `asc_auth_key` at all, sane or not (the trace says when
  /// one was ignored).
  static func isOffered(in headers: [String]) -> Bool {
    headers.contains { header in
      header.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) == name
    }
  }

  static func isSane(_ value: String) -> Bool {
    !value.isEmpty && value.utf8.count <= maximumLength
      && value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !";,\"\\".utf8.contains($0) }
  }
}
