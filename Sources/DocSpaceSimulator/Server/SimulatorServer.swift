import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore

/// A simulated DocSpace 3.7 portal on a local port.
public final class SimulatorServer: Sendable {
  /// The address it listens on, such as `http://127.0.0.1:8092`.
  public let url: String
  /// The port it listens on; the one the system chose when `SimulatorOptions.port` was 0.
  public let port: Int
  private let task: Task<Void, any Error>
  let state: PortalState
  private let log: RequestLog

  private init(url: String, port: Int, task: Task<Void, any Error>, state: PortalState, log: RequestLog) {
    self.url = url
    self.port = port
    self.task = task
    self.state = state
    self.log = log
  }

  /// Starts serving and returns once the port is bound.
  ///
  /// `logger` gets the server's logs.
  public static func start(_ options: SimulatorOptions, logger: Logger? = nil) async throws -> SimulatorServer {
    let state = PortalState(options: options)
    let log = RequestLog()
    let responder = SimulatorResponder(
      routes: PortalRoutes(
        state: state, clock: PortalClock(offsetMinutes: options.timeZoneMinutes),
        limiter: RateLimiter(enabled: options.rateLimit, exemptLoopback: options.rateLimitExemptsLoopback),
        latencyMilliseconds: options.latencyMilliseconds),
      faults: Faults(options: options), log: log, options: options)
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let quiet = logger ?? Logger(label: "dsh-sim", factory: { _ in SwiftLogNoOpLogHandler() })
    let server: HTTPServerBuilder =
      try options.tls.map { try .tls(tlsConfiguration: $0.serverConfiguration()) } ?? .http1()
    let app = Application(
      responder: responder,
      server: server,
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: "dsh-sim"),
      onServerRunning: { channel in
        continuation.yield(channel.localAddress?.port ?? options.port)
        continuation.finish()
      },
      logger: quiet)
    let task = Task {
      defer { continuation.finish() }
      try await app.runService(gracefulShutdownSignals: [])
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else {
      try await task.value
      throw SimulatorError.didNotStart
    }
    let scheme = options.tls == nil ? "http" : "https"
    return SimulatorServer(url: "\(scheme)://\(options.host):\(port)", port: port, task: task, state: state, log: log)
  }

  /// Runs until the task is cancelled or the server fails.
  public func wait() async throws { try await task.value }

  /// Stops serving and waits until the port is released.
  public func stop() async {
    task.cancel()
    _ = try? await task.value
  }

  /// The requests received so far, as `METHOD /path`.
  public func receivedRequests() async -> [String] { await log.entries.map { "\($0.method) \($0.path)" } }

  /// The most requests it was handling at once so far (from arrival to answer).
  public func peakConcurrentRequests() async -> Int { await log.peakInFlight }

  /// The role accounts' API keys (`sk-…`), which authenticate without a connection.
  public func apiKeys() async -> [(email: String, key: String)] { await state.apiKeyList }
}

enum SimulatorError: Error, CustomStringConvertible {
  case didNotStart
  case badTLSFile(String, String)

  /// Why the simulator could not start, in one line.
  public var description: String {
    switch self {
    case .didNotStart: return "the simulator could not bind its port"
    case .badTLSFile(let path, let problem): return "cannot serve TLS with \(path): \(problem)"
    }
  }
}
