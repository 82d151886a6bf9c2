import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// A typed async client for the DocSpace REST API: authentication as cookie or Bearer,
/// the response envelope, errors, retries with backoff, tracing and dry-run refusal.
public actor DocSpaceClient {
  public nonisolated let configuration: PortalConfiguration
  public internal(set) var credential: Credential
  /// When true, mutating requests are refused here, before anything is sent.
  public var dryRun = false
  /// How long one request may take, in seconds (`set timeout`).
  public private(set) var requestTimeout: Double
  /// The last request sent, for `curl`.
  public private(set) var lastRequest: APIRequest?
  private var trace: (@Sendable (TraceEvent) -> Void)?
  private let http: HTTPClient
  private var isShutDown = false

  public init(configuration: PortalConfiguration) throws(APIError) {
    try configuration.checkTransport()
    self.configuration = configuration
    self.credential = configuration.credential
    self.requestTimeout = configuration.requestTimeout
    var tls = TLSConfiguration.makeClientConfiguration()
    if let path = configuration.caCertificatePath {
      tls.additionalTrustRoots = [.certificates(try Self.caCertificates(path))]
    }
    var clientConfiguration = HTTPClient.Configuration(
      tlsConfiguration: tls,
      timeout: .init(
        connect: .milliseconds(Int64(configuration.connectTimeout * 1000)),
        read: nil))
    clientConfiguration.httpVersion = .http1Only
    // A refused connection or an untrusted certificate should be reported at once, not
    // retried by the pool until the connect timeout; `send` retries what is worth retrying.
    clientConfiguration.connectionPool.retryConnectionEstablishment = false
    // The pool's default of 8 connections would cap `set concurrency` silently.
    clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
    self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
  }

  /// The certificates of a `--ca-cert` file, trusted besides the system's.
  static func caCertificates(_ path: String) throws(APIError) -> [NIOSSLCertificate] {
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw .badCACertificate(path: path, problem: "no such readable file")
    }
    do {
      return try NIOSSLCertificate.fromPEMFile(path)
    } catch {
      throw .badCACertificate(path: path, problem: "not PEM certificates")
    }
  }

  /// A client dropped without `shutdown()` still releases its pool.
  deinit {
    if !isShutDown { http.shutdown { _ in } }
  }

  /// Ends the connection pool. Call once when done.
  public func shutdown() async {
    guard !isShutDown else { return }
    isShutDown = true
    try? await http.shutdown()
  }

  public func setTrace(_ handler: (@Sendable (TraceEvent) -> Void)?) { trace = handler }
  public func setDryRun(_ on: Bool) { dryRun = on }
  public func setRequestTimeout(_ seconds: Double) { requestTimeout = max(0.001, seconds) }
  public func setCredential(_ credential: Credential) { self.credential = credential }

  /// The last request as a `curl` command, the secret left in `$DOCSPACE_TOKEN`.
  public func lastRequestAsCurl() -> String? {
    guard let request = lastRequest else { return nil }
    var parts = ["curl", "-X", request.method]
    parts += credential.curlArguments
    if let body = request.body, let text = String(data: body, encoding: .utf8) {
      parts += [
        "-H", "'Content-Type: application/json'", "--data", "'\(text.replacingOccurrences(of: "'", with: "'\\''"))'",
      ]
    }
    parts.append("'\(configuration.baseURL.absoluteString)\(request.path)'")
    return parts.joined(separator: " ")
  }

  // MARK: Sending

  /// Sends a request, retrying idempotent ones on 429/502/503/504 and dropped connections.
  public func send(_ request: APIRequest) async throws(APIError) -> APIResponse {
    if dryRun && request.isMutating { throw .refusedInDryRun(request) }
    lastRequest = request
    var attempt = 1
    while true {
      let started = ContinuousClock.now
      do {
        let response = try await sendOnce(request)
        report(request, status: response.status, since: started, attempt: attempt)
        if let token = response.setCookieToken, credential.isConnection { credential = .loginToken(token) }
        guard Self.retryableStatuses.contains(response.status), request.isIdempotent,
          attempt < configuration.maximumAttempts
        else { return try Self.check(response, for: request) }
        try await backoff(attempt: attempt, retryAfter: response.retryAfter)
      } catch let error as APIError {
        throw error
      } catch is CancellationError {
        throw .cancelled
      } catch {
        let mapped = Self.transportError(error, request: request, host: configuration.baseURL.host ?? "")
        report(request, status: nil, since: started, attempt: attempt, note: mapped.message)
        guard case .unreachable = mapped, request.isIdempotent, attempt < configuration.maximumAttempts,
          Self.isDroppedConnection(error)
        else { throw mapped }
        try await backoff(attempt: attempt, retryAfter: nil)
      }
      attempt += 1
    }
  }

  static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

  private func backoff(attempt: Int, retryAfter: Double?) async throws(APIError) {
    let exponential = min(configuration.maximumBackoff, configuration.baseBackoff * pow(2, Double(attempt - 1)))
    let delay = retryAfter.map { min($0, configuration.maximumBackoff * 4) } ?? Double.random(in: 0...exponential)
    do {
      try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
    } catch {
      throw .cancelled
    }
  }

  private func report(
    _ request: APIRequest, status: Int?, since start: ContinuousClock.Instant, attempt: Int, note: String? = nil
  ) {
    let elapsed = ContinuousClock.now - start
    let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    trace?(TraceEvent(request: request, status: status, milliseconds: milliseconds, attempt: attempt, note: note))
  }

  private func sendOnce(_ request: APIRequest) async throws -> APIResponse {
    var outgoing = HTTPClientRequest(url: configuration.baseURL.absoluteString + request.path)
    outgoing.method = HTTPMethod(rawValue: request.method)
    outgoing.headers.add(name: "Accept", value: "application/json")
    outgoing.headers.add(name: "User-Agent", value: configuration.userAgent)
    for (name, value) in credential.headers { outgoing.headers.add(name: name, value: value) }
    if let body = request.body {
      outgoing.headers.add(name: "Content-Type", value: "application/json")
      outgoing.body = .bytes(ByteBuffer(bytes: body))
    } else if request.isMutating {
      outgoing.headers.add(name: "Content-Length", value: "0")
    }
    let response = try await http.execute(outgoing, timeout: .milliseconds(Int64(requestTimeout * 1000)))
    let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
    return APIResponse(
      status: Int(response.status.code), body: Data(buffer.readableBytesView),
      setCookieToken: Self.authCookie(in: response.headers[canonicalForm: "set-cookie"].map(String.init)),
      retryAfter: response.headers.first(name: "retry-after").flatMap(Double.init))
  }

  /// The new `asc_auth_key` value from `Set-Cookie` headers, if one is set (not deleted).
  static func authCookie(in headers: [String]) -> String? {
    for header in headers {
      let pair = header.split(separator: ";", maxSplits: 1)[0]
      let parts = pair.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "asc_auth_key" else { continue }
      let value = parts[1].trimmingCharacters(in: .whitespaces)
      if !value.isEmpty { return value }
    }
    return nil
  }
}
