/// What one call may do, chosen per invocation rather than stored on the shared client:
/// its deadline, whether a change is sent or only planned, who sees its trace.
public struct RequestOptions: Sendable {
  /// One deadline for the whole call: connecting, the answer's head and body, and any retries.
  public var timeout: Double
  /// When true, mutating requests are planned (logged for `curl`) and not sent; reads are sent.
  public var dryRun = false
  /// When false, a 429 or 503 comes back at once (`.rateLimited`, `.unavailable`) for the
  /// caller to pace itself.
  public var retriesRateLimits = true
  /// Called after each attempt with what the trace shows; nil for no trace.
  public var trace: (@Sendable (TraceEvent) -> Void)?
  /// False for calls the user did not ask for (completion's fetches): they stay out of the
  /// call log, so `curl` keeps showing the user's last request.
  public var isShownByCurl = true
  /// When true, trace events carry the request and response bodies, secrets redacted.
  public var traceBodies = false

  /// The longest deadline a call may have (the `timeout` setting is capped to it).
  public static let maximumTimeout: Double = 600

  /// Options for one call; the timeout is clamped to 1 ms…`maximumTimeout` (not finite: the maximum).
  public init(
    timeout: Double = 30, dryRun: Bool = false, retriesRateLimits: Bool = true,
    trace: (@Sendable (TraceEvent) -> Void)? = nil, traceBodies: Bool = false
  ) {
    self.timeout = min(Self.maximumTimeout, max(0.001, timeout.isFinite ? timeout : Self.maximumTimeout))
    self.dryRun = dryRun
    self.retriesRateLimits = retriesRateLimits
    self.trace = trace
    self.traceBodies = traceBodies
  }
}
