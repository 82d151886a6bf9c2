import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The connection pool and the state every copy of a client shares: the credential (a portal may
/// replace the cookie on any answer) and the log of calls, for `curl`.
///
/// A class because copies must see one another's changes; the mutex makes that safe.
final class Transport: Sendable {
  let http: HTTPClient
  let calls: CallLog
  private let state: Mutex<State>

  private struct State {
    var credential: Credential
    var isShutDown = false
  }

  init(http: HTTPClient, credential: Credential, calls: CallLog) {
    self.http = http
    self.calls = calls
    self.state = Mutex(State(credential: credential))
  }

  var credential: Credential {
    get { state.withLock { $0.credential } }
    set { state.withLock { $0.credential = newValue } }
  }

  func shutdown() async {
    let first = state.withLock { state in
      defer { state.isShutDown = true }
      return !state.isShutDown
    }
    if first { try? await http.shutdown() }
  }

  /// A pool dropped without `shutdown()` still releases its threads' resources.
  deinit {
    if state.withLock({ !$0.isShutDown }) { http.shutdown { _ in } }
  }
}

extension DocSpaceClient {
  /// One attempt: connect, send, read head and body, all before `deadline`.
  func exchange(_ request: APIRequest, until deadline: ContinuousClock.Instant) async -> Result<
    APIResponse, APIError
  > {
    do {
      let response = try await withThrowingTaskGroup(of: APIResponse?.self) { group in
        group.addTask { try await self.exchangeOnce(request) }
        group.addTask {
          try await Task.sleep(until: deadline, clock: .continuous)
          return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let response = first else { throw APIError.timedOut(request) }
        return response
      }
      return .success(response)
    } catch let error as APIError {
      return .failure(error)
    } catch {
      if Task.isCancelled || error is CancellationError { return .failure(.cancelled) }
      return .failure(Self.transportError(error, request: request, url: configuration.baseURL))
    }
  }

  private func exchangeOnce(_ request: APIRequest) async throws -> APIResponse {
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
    let response = try await transport.http.execute(
      outgoing, deadline: .now() + .milliseconds(Int64(options.timeout * 1000)))
    let status = Int(response.status.code)
    if (300..<400).contains(status) && status != 304 {
      throw APIError.redirected(
        request, status: status, location: response.headers.first(name: "location").map { String($0.prefix(200)) })
    }
    let limit = Self.maximumBodyBytes
    if let declared = response.headers.first(name: "content-length").flatMap(Int.init), declared > limit {
      throw APIError.tooLarge(request, limit: limit)
    }
    var body = ByteBuffer()
    for try await chunk in response.body {
      guard body.readableBytes + chunk.readableBytes <= limit else { throw APIError.tooLarge(request, limit: limit) }
      body.writeImmutableBuffer(chunk)
    }
    let cookies = response.headers[canonicalForm: "set-cookie"].map(String.init)
    var answer = APIResponse(
      status: status, body: Data(body.readableBytesView), setCookieToken: AuthCookie.token(in: cookies),
      retryAfter: response.headers.first(name: "retry-after").flatMap { RetryAfter.seconds($0) })
    answer.offeredBadCookie = answer.setCookieToken == nil && AuthCookie.isOffered(in: cookies)
    return answer
  }
}
