import Foundation

/// Where the portal is and how to talk to it.
public struct PortalConfiguration: Sendable {
  public var baseURL: URL
  public var credential: Credential
  public var allowInsecureHTTP = false
  public var caCertificatePath: String?
  public var connectTimeout: Double = 5
  public var requestTimeout: Double = 30
  public var maximumAttempts = 4
  public var baseBackoff: Double = 0.2
  public var maximumBackoff: Double = 5
  public var userAgent = "dsh/0.1"

  public init(baseURL: URL, credential: Credential) {
    self.baseURL = baseURL
    self.credential = credential
  }

  /// Parses a portal URL (`https://portal.example.com`, a bare host gets https).
  public static func url(from text: String) throws(APIError) -> URL {
    var trimmed = text.trimmingCharacters(in: .whitespaces)
    if !trimmed.contains("://") { trimmed = "https://" + trimmed }
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https", url.host != nil
    else { throw .invalidURL(text) }
    return url
  }

  /// Plain HTTP is allowed to loopback only, unless explicitly allowed.
  func checkTransport() throws(APIError) {
    guard baseURL.scheme?.lowercased() == "http", !allowInsecureHTTP else { return }
    let host = baseURL.host?.lowercased() ?? ""
    let loopback = host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    if !loopback { throw .insecureURL(baseURL.absoluteString) }
  }
}
