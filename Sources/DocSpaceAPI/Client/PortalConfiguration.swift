import Foundation

/// Where the portal is and how to talk to it.
public struct PortalConfiguration: Sendable {
  /// The portal's root, such as `https://portal.example.com`, without a trailing slash.
  public var baseURL: URL
  /// How requests are authenticated at first (a sign-in replaces it).
  public var credential: Credential
  /// Allows `http://` to any host; when off, plain HTTP is refused except to loopback.
  public var allowInsecureHTTP = false
  /// A PEM file of extra trusted certificate authorities, for a portal with a private CA.
  public var caCertificatePath: String?
  /// Seconds to wait for a connection to the portal before giving up.
  public var connectTimeout: Double = 5
  /// The default deadline of one call, when the caller gives no `RequestOptions`.
  public var requestTimeout: Double = 30
  /// How many times an idempotent request is tried in all, when the portal answers 429, 502, 503 or
  /// 504 or the connection is lost.
  public var maximumAttempts = 4
  /// The ceiling of the first retry's random wait, in seconds; it doubles with each retry, up to
  /// `maximumBackoff`.
  public var baseBackoff: Double = 0.2
  /// The highest ceiling of a retry's random wait, in seconds (a `Retry-After` is waited as given).
  public var maximumBackoff: Double = 5
  /// The `User-Agent` header every request carries.
  public var userAgent = "dsh/0.1"

  /// A configuration for the portal at `baseURL`, sending `credential`, with the default timeouts and
  /// retries.
  public init(baseURL: URL, credential: Credential) {
    self.baseURL = baseURL
    self.credential = credential
  }

  /// Parses a portal URL (`https://portal.example.com`, a bare host gets https).
  ///
  /// Whatever gave it (the command line, a profile, the environment) it is checked here: scheme,
  /// host, port 1-65535, no credentials, no spaces or control characters.
  public static func url(from text: String) throws(APIError) -> URL {
    var trimmed = text.trimmingCharacters(in: .whitespaces)
    if !trimmed.contains("://") { trimmed = "https://" + trimmed }
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    if let problem = problem(with: trimmed) { throw .invalidURL(text, reason: problem) }
    guard let url = URL(string: trimmed), url.host?.isEmpty == false else {
      throw .invalidURL(text, reason: "it cannot be parsed")
    }
    return url
  }

  private static func problem(with text: String) -> String? {
    if text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || !$0.isASCII }) {
      return "it holds a space, a control character or non-ASCII text"
    }
    let parts = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
    let scheme = parts[0].lowercased()
    guard scheme == "http" || scheme == "https" else { return "the scheme must be https:// (or http://)" }
    let rest = parts.count > 1 ? parts[1] : ""
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if authority.contains("@") { return "it must not hold a user or password: use connect --user EMAIL" }
    let hostAndPort: (host: Substring, port: Substring?)
    if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
      let after = authority[authority.index(after: close)...]
      hostAndPort = (authority[...close], after.hasPrefix(":") ? after.dropFirst() : nil)
      if !after.isEmpty && !after.hasPrefix(":") { return "it has text after the IPv6 address" }
    } else if let colon = authority.lastIndex(of: ":") {
      hostAndPort = (authority[..<colon], authority[authority.index(after: colon)...])
    } else {
      hostAndPort = (authority, nil)
    }
    if hostAndPort.host.isEmpty { return "it has no host name" }
    if let port = hostAndPort.port {
      guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isNumber), let number = Int(port),
        (1...65535).contains(number)
      else { return "the port must be a number 1-65535" }
    }
    return nil
  }

  /// Plain HTTP is allowed to loopback only, unless explicitly allowed.
  func checkTransport() throws(APIError) {
    guard baseURL.scheme?.lowercased() == "http", !allowInsecureHTTP else { return }
    let host = baseURL.host?.lowercased() ?? ""
    let loopback = host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    if !loopback { throw .insecureURL(baseURL.absoluteString) }
  }
}
