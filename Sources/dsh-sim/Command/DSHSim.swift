import ArgumentParser
import DSHVersion
import DocSpaceSimulator
import Foundation
import Logging

/// `dsh-sim`: a simulated DocSpace 3.7 portal for trying dsh and for tests.
///
/// The `dsh-sim` executable runs it, and so does `dsh` when called by the name `dsh-sim` (the link
/// that `make install` and `make dist` ship instead of a second copy of the runtime).
public struct DSHSim: AsyncParsableCommand {
  /// The command's name, help text and version for ArgumentParser.
  public static let configuration = CommandConfiguration(
    commandName: "dsh-sim",
    abstract: "A simulated ONLYOFFICE DocSpace 3.7 portal (active connections, authentication, people, login history).",
    discussion: """
      Accounts (password demo-password): owner@example.com, admin@example.com, \
      roomadmin@example.com, user@example.com, guest@example.com; also disabled@example.com \
      (disabled: sign-in is 403) and pending@example.com (invited, not joined).
      On start prints one line to stdout: dsh-sim listening on http://HOST:PORT
      (https:// with --tls-cert and --tls-key).
      """,
    version: "dsh-sim \(Version.description)")

  @Option(help: "Port to listen on; 0 picks a free one.") var port = 8092
  @Option(help: "Address to bind.") var host = "127.0.0.1"
  @Option(help: "Seeded active connections per account.") var sessionsPerUser = 3
  @Option(help: "Generated users besides the five role accounts.") var users = 0
  @Option(help: "Seed for the generated fixture.") var seed: UInt64 = 1
  @Option(help: "Older sign-in history events (ended sign-ins, logouts, failures) over the last 90 days.")
  var events = 0
  @Flag(help: "A plan without the Audit feature: audit/login/filter answers the last 20 events, whatever the query.")
  var noAudit = false
  @Option(help: "Portal time zone as an offset, e.g. +03:00 or -05:00.") var timeZone = "+00:00"
  @Option(help: "Milliseconds added to every response.") var latency = 0
  @Option(help: "Fraction (0-1) of requests answered with 502/503 or a dropped connection.") var failRate = 0.0
  @Flag(
    help:
      "Enable the 3.7 rate limiter (per user: 1500 requests a minute, 50 parallel reads, 15 parallel writes, 10000 writes a day)."
  ) var rateLimit = false
  @Flag(
    inversion: .prefixedNo,
    help: "Leave requests from 127.0.0.1 unlimited, as the shipped config does (--no-exempt-loopback limits them too).")
  var exemptLoopback = true
  @Option(help: "Serve HTTPS with this PEM certificate chain (needs --tls-key).") var tlsCert: String?
  @Option(help: "The PEM private key of --tls-cert.") var tlsKey: String?

  /// The command line of this process, parsed and run (what `@main` would do; called from
  /// elsewhere, ArgumentParser's `main()` resolves to the synchronous one, which refuses).
  public static func runCommandLine() async {
    do {
      var command = try parseAsRoot()
      if let simulator = command as? DSHSim {
        try await simulator.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }

  /// Runs the simulator's command line from a synchronous `main` and never returns: the
  /// simulator serves until a signal ends the process.
  public static func runAsMain() -> Never {
    let done = DispatchSemaphore(value: 0)
    Task {
      await runCommandLine()
      done.signal()
    }
    done.wait()
    Foundation.exit(0)
  }

  /// An unparsed command; ArgumentParser fills the options in.
  public init() {}

  /// Refuses options out of range (port, fail rate, negative counts, time zone, half a TLS pair).
  public func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
    guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be between 0 and 1") }
    guard sessionsPerUser >= 0, users >= 0, events >= 0, latency >= 0 else {
      throw ValidationError("--sessions-per-user, --users, --events and --latency must not be negative")
    }
    guard Self.minutes(timeZone) != nil else { throw ValidationError("--time-zone must look like +03:00 or -05:30") }
    guard (tlsCert == nil) == (tlsKey == nil) else {
      throw ValidationError("HTTPS needs both --tls-cert FILE and --tls-key FILE")
    }
  }

  static func minutes(_ text: String) -> Int? {
    let pattern = /^([+-])(\d{2}):(\d{2})$/
    guard let match = text.wholeMatch(of: pattern), let hours = Int(match.2), let minutes = Int(match.3),
      hours <= 14, minutes < 60
    else { return nil }
    return (hours * 60 + minutes) * (match.1 == "-" ? -1 : 1)
  }

  /// Starts the simulator, prints where it listens (and the API keys, on stderr), and serves until
  /// cancelled.
  public func run() async throws {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
    var options = SimulatorOptions()
    options.port = port
    options.host = host
    options.sessionsPerUser = sessionsPerUser
    options.users = users
    options.seed = seed
    options.historyEvents = events
    options.audit = !noAudit
    options.timeZoneMinutes = Self.minutes(timeZone) ?? 0
    options.latencyMilliseconds = latency
    options.failRate = failRate
    options.rateLimit = rateLimit
    options.rateLimitExemptsLoopback = exemptLoopback
    if let tlsCert, let tlsKey {
      options.tls = SimulatorOptions.TLSFiles(certificateChain: tlsCert, privateKey: tlsKey)
    }
    let server = try await SimulatorServer.start(options, logger: Logger(label: "dsh-sim"))
    // FileHandle writes unbuffered: the line is out before anyone waits on it.
    FileHandle.standardOutput.write(Data("dsh-sim listening on \(server.url)\n".utf8))
    for (email, key) in await server.apiKeys() {
      FileHandle.standardError.write(Data("dsh-sim: API key of \(email): \(key)\n".utf8))
    }
    try await withTaskCancellationHandler {
      try await server.wait()
    } onCancel: {
      Task { await server.stop() }
    }
  }
}
