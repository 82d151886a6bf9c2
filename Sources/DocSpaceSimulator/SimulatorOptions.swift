/// How a simulated portal is set up: address, fixture size, time zone and faults.
public struct SimulatorOptions: Sendable {
  /// The address to listen on; loopback by default.
  public var host = "127.0.0.1"
  /// The port to listen on; 0 lets the system choose one (see `SimulatorServer.port`).
  public var port = 8092
  /// Seeded active connections for each account.
  public var sessionsPerUser = 3
  /// Generated users besides the five role accounts.
  public var users = 0
  /// The seed of the fixture: the same seed gives the same people, connections and history.
  public var seed: UInt64 = 1
  /// Older sign-in history besides the seeded connections: ended sign-ins, logouts and failed
  /// sign-ins, spread over the last 90 days.
  public var historyEvents = 0
  /// Whether the plan has the Audit feature.
  ///
  /// Without it `audit/login/filter` answers the newest 20 events whatever the parameters, as
  /// DocSpace does.
  public var audit = true
  /// The portal's UTC offset in minutes; dates are written in it.
  public var timeZoneMinutes = 0
  /// Added to every response.
  public var latencyMilliseconds = 0
  /// The fraction of requests answered with 502/503 or a dropped connection.
  public var failRate = 0.0
  /// Enables the 3.7 rate limiter: per user (or address when anonymous) 1500 requests a
  /// minute, 50 GETs or 15 other requests in flight, 10 000 POST/PUT a day; 429 beyond.
  public var rateLimit = false
  /// Requests from 127.0.0.1 pass the limiter untouched, as the shipped config's `knownIPAddresses`
  /// has it.
  ///
  /// Turn off to be limited over loopback.
  public var rateLimitExemptsLoopback = true
  /// Serve HTTPS with these PEM files; nil serves plain HTTP.
  public var tls: TLSFiles?

  /// A certificate chain (the server's certificate first) and its private key, as PEM files.
  public struct TLSFiles: Sendable {
    /// The PEM file of the certificate chain, the server's certificate first.
    public var certificateChain: String
    /// The PEM file of the certificate's private key.
    public var privateKey: String

    /// TLS files at these paths; they are read when the server starts.
    public init(certificateChain: String, privateKey: String) {
      self.certificateChain = certificateChain
      self.privateKey = privateKey
    }
  }

  /// The defaults: loopback port 8092, three connections per account, no faults, plain HTTP.
  public init() {}
}
