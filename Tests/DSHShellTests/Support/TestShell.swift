import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

/// Collects what a session writes.
final class Capture: @unchecked Sendable {
  private let lock = NSLock()
  private var outText = ""
  private var errText = ""

  func out(_ text: String) { lock.withLock { outText += text } }
  func err(_ text: String) { lock.withLock { errText += text } }
  var stdout: String { lock.withLock { outText } }
  var stderr: String { lock.withLock { errText } }
}

/// A session signed in to a fresh in-process simulator, output captured, 100 columns, no colour.
struct TestShell {
  let simulator: SimulatorServer
  let session: Session
  let capture: Capture

  static func start(
    as email: String? = "owner@example.com", options: SimulatorOptions = SimulatorOptions(), interactive: Bool = false,
    confirm: @escaping @Sendable (String) async -> Bool = { _ in false }, arguments: [String] = [],
    environment: [String: String] = [:]
  ) async throws -> TestShell {
    var simulatorOptions = options
    simulatorOptions.port = 0
    let simulator = try await SimulatorServer.start(simulatorOptions)
    let capture = Capture()
    let terminal = Terminal(
      writeOut: { capture.out($0) }, writeErr: { capture.err($0) }, stdoutIsTTY: false, stderrIsTTY: false,
      width: { 100 }, colorAllowed: false)
    var sessionOptions = Session.Options(terminal: terminal)
    sessionOptions.interactive = interactive
    sessionOptions.confirm = confirm
    sessionOptions.arguments = arguments
    sessionOptions.environment = environment
    let session = Session(sessionOptions)
    var configuration = PortalConfiguration(baseURL: try #require(URL(string: simulator.url)), credential: .none)
    configuration.baseBackoff = 0.01
    try await session.portal.connect(configuration, label: "test")
    if let email, let client = await session.portal.client {
      _ = try await client.signIn(userName: email, password: "demo-password")
      await session.portal.refreshUser(within: 60)
    }
    return TestShell(simulator: simulator, session: session, capture: capture)
  }

  /// A session with no portal whose output goes nowhere.
  static func offlineSession() -> Session {
    Session(
      Session.Options(
        terminal: Terminal(
          writeOut: { _ in }, writeErr: { _ in }, stdoutIsTTY: false, stderrIsTTY: false, width: { 100 },
          colorAllowed: false)))
  }

  /// Runs program text as a script would.
  @discardableResult
  func run(_ text: String, origin: String = "test.dsh") async -> Session.Outcome {
    await session.run(text, origin: origin)
  }

  /// A second client on the same portal, for checking effects through the API.
  func client(as email: String = "owner@example.com") async throws -> DocSpaceClient {
    let client = try DocSpaceClient(
      configuration: PortalConfiguration(baseURL: try #require(URL(string: simulator.url)), credential: .none))
    _ = try await client.signIn(userName: email, password: "demo-password")
    return client
  }

  func stop() async {
    await session.close()
    await simulator.stop()
  }
}
