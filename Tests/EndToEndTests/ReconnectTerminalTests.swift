import Foundation
import Testing

/// Getting back in, in a real terminal (tmux): the signed-out prompt, bare `connect` with a
/// typed password, and a profile whose saved token the portal no longer takes.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ReconnectTerminalTests {
  /// A config directory with profile `work` on `url`, its token file holding a dead token.
  static func deadProfile(_ url: String) throws -> URL {
    let config = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-config-\(UUID().uuidString)")
    let directory = config.appendingPathComponent("dsh")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let token = directory.appendingPathComponent("work.token").path
    #expect(
      FileManager.default.createFile(
        atPath: token, contents: Data("0123456789abcdef-ended".utf8), attributes: [.posixPermissions: 0o600]))
    try "[work]\nportal = \(url)\ntoken-file = \(token)\n".write(
      to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
    return config
  }

  @Test func bareConnectAfterChangePasswordAsksThePasswordAndSignsInAgain() async throws {
    let terminal = try Tmux(command: [Binaries.dsh, "--demo"])
    #expect(await terminal.waitFor { $0.contains("dsh demo owner> ") }, "\(terminal.screen)")
    try terminal.type("change-password --yes")
    try terminal.press("Enter")
    #expect(
      await terminal.waitFor { _ in terminal.cursorLine.hasSuffix("dsh demo (signed out)> ") }, "\(terminal.screen)")
    try terminal.type("connect")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("Password for owner@example.com: ") }, "\(terminal.screen)")
    try terminal.type("demo-password")
    try terminal.press("Enter")
    #expect(
      await terminal.waitFor { _ in terminal.cursorLine.hasSuffix("dsh demo owner> ") }, "\(terminal.screen)")
    #expect(terminal.screen.contains("connected to http://127.0.0.1:"))
    #expect(!terminal.screen.contains("demo-password\n"), "the password was echoed")
  }

  @Test func aDeadProfileTokenOpensTheShellSignedOutWithAHintAndConnectGetsBackIn() async throws {
    let simulator = try SimulatorProcess()
    let config = try Self.deadProfile(simulator.url)
    let terminal = try Tmux(
      command: [Binaries.dsh, "--profile", "work"], environment: ["XDG_CONFIG_HOME": config.path])
    #expect(
      await terminal.waitFor { _ in terminal.cursorLine.hasSuffix("dsh work (signed out)> ") }, "\(terminal.screen)")
    #expect(terminal.screen.contains("sign in again: connect --user EMAIL --save work"), "\(terminal.screen)")
    try terminal.type("connect --user admin@example.com --save work")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("Password for admin@example.com: ") }, "\(terminal.screen)")
    try terminal.type("demo-password")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.hasSuffix("dsh work admin> ") }, "\(terminal.screen)")
    try terminal.type("print 4711")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("\n4711") })
    try terminal.press("C-d")
    #expect(await terminal.waitFor { _ in terminal.exitCode != nil })
    let saved = try String(contentsOf: config.appendingPathComponent("dsh/config"), encoding: .utf8)
    #expect(saved.components(separatedBy: "[work]").count == 2, "one [work] section: \(saved)")
    // The history is the portal's: one file per host and port.
    let port = try #require(URL(string: simulator.url)?.port)
    let history = terminal.stateDirectory.appendingPathComponent("dsh/history-127.0.0.1_\(port)").path
    #expect(try String(contentsOfFile: history, encoding: .utf8).contains("print 4711"))
  }

  /// A script learns who is signed in at its first call (one round trip for `sessions | count`),
  /// so statements before it run; nothing after the refused call does.
  @Test func aDeadProfileTokenStopsAScriptAtItsFirstCallWithExitCode4() async throws {
    let simulator = try SimulatorProcess()
    let config = try Self.deadProfile(simulator.url)
    let result = try await Binaries.run(
      Binaries.dsh, ["--profile", "work", "-c", "print reached; sessions | count; print after"],
      environment: ["XDG_CONFIG_HOME": config.path])
    #expect(result.code == 4, "\(result.stderr)")
    #expect(result.stdout == "reached\n")
    #expect(result.stderr.contains("not signed in"), "\(result.stderr)")
  }
}
