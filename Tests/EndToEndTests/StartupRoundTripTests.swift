import DocSpaceSimulator
import Foundation
import Testing

/// What `dsh` sends before a program's first result: nothing of its own.
///
/// A script or `-c`
/// learns who is signed in only when a call needs it, so `sessions | count` is one round trip.
@Suite(.timeLimit(.minutes(1))) struct StartupRoundTripTests {
  /// An in-process simulator (its request log is the evidence) and a login token for it.
  static func portal() async throws -> (SimulatorServer, String) {
    var options = SimulatorOptions()
    options.port = 0
    let simulator = try await SimulatorServer.start(options)
    let token = try await PortalProbe(url: simulator.url).signIn()
    return (simulator, token)
  }

  /// A config directory holding profile `work` on `url` with `token` in a 0600 file.
  static func profile(_ url: String, token: String) throws -> URL {
    let config = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-config-\(UUID().uuidString)")
    let directory = config.appendingPathComponent("dsh")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("work.token").path
    #expect(
      FileManager.default.createFile(atPath: file, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600]))
    try "[work]\nportal = \(url)\ntoken-file = \(file)\n".write(
      to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
    return config
  }

  @Test func sessionsCountWithAPortalAndTokenSendsOneRequest() async throws {
    let (simulator, token) = try await Self.portal()
    defer { Task { await simulator.stop() } }
    let before = await simulator.receivedRequests().count
    let result = try await Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "-c", "sessions | count"], environment: ["DOCSPACE_TOKEN": token])
    #expect(result.code == 0, "\(result.stderr)")
    let sent = await simulator.receivedRequests().dropFirst(before)
    #expect(Array(sent) == ["GET /api/2.0/security/activeconnections"])
    let listed = try await PortalProbe(url: simulator.url).connections(.loginToken(token)).ids.count
    #expect(result.stdout == "\(listed)\n")
  }

  @Test func sessionsCountWithATokenProfileSendsOneRequest() async throws {
    let (simulator, token) = try await Self.portal()
    defer { Task { await simulator.stop() } }
    let config = try Self.profile(simulator.url, token: token)
    let before = await simulator.receivedRequests().count
    let result = try await Binaries.run(
      Binaries.dsh, ["--profile", "work", "-c", "sessions | count"], environment: ["XDG_CONFIG_HOME": config.path])
    #expect(result.code == 0, "\(result.stderr)")
    let sent = await simulator.receivedRequests().dropFirst(before)
    #expect(Array(sent) == ["GET /api/2.0/security/activeconnections"])
  }

  @Test func aProgramThatNeedsNoPortalSendsNothing() async throws {
    let (simulator, token) = try await Self.portal()
    defer { Task { await simulator.stop() } }
    let before = await simulator.receivedRequests().count
    let result = try await Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "-c", "print (1 + 1)"], environment: ["DOCSPACE_TOKEN": token])
    #expect(result.stdout == "2\n", "\(result.stderr)")
    #expect(await simulator.receivedRequests().count == before)
  }

  @Test func aDeadTokenStopsTheProgramAtItsFirstCallWithExitCode4() async throws {
    let (simulator, _) = try await Self.portal()
    defer { Task { await simulator.stop() } }
    let result = try await Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "-c", "sessions | count; print after"],
      environment: ["DOCSPACE_TOKEN": "0123456789abcdef-ended"])
    #expect(result.code == 4, "\(result.stderr)")
    #expect(!result.stdout.contains("after"))
    #expect(result.stderr.contains("not signed in"), "\(result.stderr)")
    #expect(!result.stderr.contains("0123456789abcdef-ended"), "the token leaked")
  }
}
