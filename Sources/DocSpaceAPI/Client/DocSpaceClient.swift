import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// A typed async client for the DocSpace REST API: authentication as cookie or Bearer,
/// the response envelope, errors, retries with backoff, tracing, and dry runs: a mutating
/// call in a dry run is planned (logged, not sent), the one place where dry-run is decided.
///
/// A plain value: copies share one connection pool and one credential (a portal may hand
/// out a new cookie on any answer), while each copy carries its own `RequestOptions`.
public struct DocSpaceClient: Sendable {
  /// The portal and transport settings the client was made with.
  public let configuration: PortalConfiguration
  /// This copy's deadline, dry-run and trace choices.
  public var options: RequestOptions
  let transport: Transport

  /// The largest answer dsh reads; past it the call fails instead of filling memory.
  public static let maximumBodyBytes = 16 * 1024 * 1024

  /// `calls` is where this client (and every copy) logs what it sends or plans: pass a
  /// session's log to keep its calls across reconnections.
  public init(configuration: PortalConfiguration, calls: CallLog = CallLog()) throws(APIError) {
    try configuration.checkTransport()
    try configuration.credential.validate()
    self.configuration = configuration
    self.options = RequestOptions(timeout: configuration.requestTimeout)
    var tls = TLSConfiguration.makeClientConfiguration()
    if let path = configuration.caCertificatePath {
      tls.additionalTrustRoots = [.certificates(try Self.caCertificates(path))]
    }
    var clientConfiguration = HTTPClient.Configuration(
      tlsConfiguration: tls,
      timeout: .init(connect: .milliseconds(Int64(configuration.connectTimeout * 1000)), read: nil))
    clientConfiguration.httpVersion = .http1Only
    // A redirect could take a password to another host or to plain http, and a cookie from
    // there would become the shell's credential: none is followed (`redirected` says where).
    clientConfiguration.redirectConfiguration = .disallow
    // A refused connection or an untrusted certificate should be reported at once, not
    // retried by the pool until the connect timeout; `send` retries what is worth retrying.
    clientConfiguration.connectionPool.retryConnectionEstablishment = false
    // The pool's default of 8 connections would cap `set concurrency` silently.
    clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
    // dsh traces its calls itself (`set trace on`); the client's distributed-tracing hooks
    // would only fill span attributes for the no-op tracer, on every request.
    clientConfiguration.tracing.tracer = nil
    self.transport = Transport(
      http: HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration),
      credential: configuration.credential, calls: calls)
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

  /// A copy whose calls use these options.
  public func with(_ options: RequestOptions) -> DocSpaceClient {
    var copy = self
    copy.options = options
    return copy
  }

  /// Ends the connection pool shared by every copy.
  ///
  /// Call once when done.
  public func shutdown() async { await transport.shutdown() }

  /// The credential sent with each request now (a sign-in or a new cookie from the portal changes it).
  public var credential: Credential { transport.credential }
  /// Replaces the credential every copy of this client sends from now on.
  public func setCredential(_ credential: Credential) { transport.credential = credential }

  /// The calls sent or planned through this client and every copy, oldest first.
  public var calls: CallLog { transport.calls }

  /// The last request sent or planned, as a `curl` command: the token left in
  /// `$DOCSPACE_TOKEN`, a password in `$DOCSPACE_PASSWORD`.
  public func lastRequestAsCurl() -> String? { calls.last?.curl }

  // MARK: Sending

  /// Sends a request within one deadline (`options.timeout`), retrying idempotent ones on
  /// 429/502/503/504 and dropped connections while the deadline allows.
  public func send(_ request: APIRequest) async throws(APIError) -> APIResponse {
    let planned = options.dryRun && request.isMutating
    if options.isShownByCurl {
      calls.append(request, planned: planned, baseURL: configuration.baseURL, credential: credential)
    }
    if planned {
      report(request, status: nil, since: .now, attempt: 1, note: "planned by a dry run, not sent")
      throw .refusedInDryRun(request)
    }
    let deadline = ContinuousClock.now + .milliseconds(Int64(options.timeout * 1000))
    var attempt = 1
    while true {
      let started = ContinuousClock.now
      let delay: Double
      switch await exchange(request, until: deadline) {
      case .success(let response):
        let takesCookie = (200..<300).contains(response.status) && credential.isConnection
        if takesCookie, let token = response.setCookieToken { setCredential(.loginToken(token)) }
        let ignored = response.offeredBadCookie || (!takesCookie && response.setCookieToken != nil)
        report(
          request, status: response.status, since: started, attempt: attempt,
          note: ignored ? "ignored a Set-Cookie asc_auth_key (not a token, or not on a 2xx to a signed-in shell)" : nil,
          body: response.body)
        guard Self.retryableStatuses.contains(response.status), request.isIdempotent,
          attempt < configuration.maximumAttempts,
          options.retriesRateLimits || (response.status != 429 && response.status != 503)
        else { return try ResponseDecoding.check(response, for: request) }
        delay = backoff(attempt: attempt, retryAfter: response.retryAfter)
        guard ContinuousClock.now + .milliseconds(Int64(delay * 1000)) < deadline else {
          return try ResponseDecoding.check(response, for: request)
        }
      case .failure(let error):
        report(request, status: nil, since: started, attempt: attempt, note: error.message)
        guard case .connectionLost = error, request.isIdempotent, attempt < configuration.maximumAttempts else {
          throw error
        }
        delay = backoff(attempt: attempt, retryAfter: nil)
      }
      do {
        try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
      } catch {
        throw .cancelled
      }
      attempt += 1
    }
  }

  static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

  /// Seconds to wait before the next attempt: the server's `Retry-After` (already bounded),
  /// else exponential backoff with full jitter.
  private func backoff(attempt: Int, retryAfter: Double?) -> Double {
    if let retryAfter { return retryAfter }
    let exponential = min(configuration.maximumBackoff, configuration.baseBackoff * pow(2, Double(attempt - 1)))
    return Double.random(in: 0...max(0, exponential))
  }

  private func report(
    _ request: APIRequest, status: Int?, since start: ContinuousClock.Instant, attempt: Int, note: String? = nil,
    body: Data? = nil
  ) {
    guard let trace = options.trace else { return }
    let elapsed = ContinuousClock.now - start
    let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    var event = TraceEvent(request: request, status: status, milliseconds: milliseconds, attempt: attempt, note: note)
    if options.traceBodies {
      event.requestBody = request.body.map { TraceBody.text(of: $0, secrets: request.secretFields) }
      event.responseBody = body.map { TraceBody.text(of: $0, secrets: []) }
    }
    trace(event)
  }
}
