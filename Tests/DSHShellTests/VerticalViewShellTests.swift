import DSHLanguage
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

@testable import DSHShell

/// `sessions` on a narrow terminal, and `set view`, through a real session on the simulator.
@Suite(.timeLimit(.minutes(1))) struct VerticalViewShellTests {
  /// A signed-in session whose terminal is `width` columns wide.
  struct NarrowShell {
    let simulator: SimulatorServer
    let session: Session
    let capture: Capture

    static func start(width: Int) async throws -> NarrowShell {
      var options = SimulatorOptions()
      options.port = 0
      let simulator = try await SimulatorServer.start(options)
      let capture = Capture()
      let terminal = Terminal(
        writeOut: { capture.out($0) }, writeErr: { capture.err($0) }, stdoutIsTTY: true, stderrIsTTY: false,
        width: { width }, colorAllowed: false)
      let session = Session(Session.Options(terminal: terminal))
      let url = try #require(URL(string: simulator.url))
      try await session.portal.connect(PortalConfiguration(baseURL: url, credential: .none), label: "test")
      let client = try #require(await session.portal.client)
      _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
      await session.portal.refreshUser()
      return NarrowShell(simulator: simulator, session: session, capture: capture)
    }

    func lines() -> [String] { capture.stdout.split(separator: "\n").map(String.init) }

    func stop() async {
      await session.close()
      await simulator.stop()
    }
  }

  @Test func sessionsAtSixtyColumnsShowEverySessionsIPWhole() async throws {
    let shell = try await NarrowShell.start(width: 60)
    #expect(await shell.session.run("sessions", origin: "t").code == 0, "\(shell.capture.stderr)")
    let lines = shell.lines()
    let blocks = lines.filter { $0.hasPrefix("─[ ") }.count
    #expect(lines.first?.hasPrefix("─[ 0 ]") == true)
    #expect(blocks > 1)
    #expect(lines.filter { $0.hasPrefix("ip ") && $0.contains("│ ") }.count == blocks)
    #expect(
      lines.filter { $0.hasPrefix("userId ") }.allSatisfy { $0.hasSuffix("66faa6e4-f133-11ea-b126-00ffeec8b4ef") })
    #expect(lines.allSatisfy { $0.count <= 60 })
    #expect(!shell.capture.stdout.contains("…") && !shell.capture.stdout.contains("not shown"))
    await shell.stop()
  }

  @Test func setViewTableBringsBackTheTableThatLeavesColumnsOut() async throws {
    let shell = try await NarrowShell.start(width: 60)
    #expect(await shell.session.run("set view table\nsessions", origin: "t").code == 0, "\(shell.capture.stderr)")
    let lines = shell.lines()
    #expect(lines.first?.hasPrefix("#  id ") == true)
    #expect(lines.last?.hasPrefix("(not shown, too wide: ") == true)
    await shell.stop()
  }

  @Test func setViewVerticalGivesBlocksWhereATableWouldFit() async throws {
    let shell = try await NarrowShell.start(width: 100)
    #expect(await shell.session.run("sessions | where current | select ip current", origin: "t").code == 0)
    #expect(shell.capture.stdout == "#  ip         current\n─  ─────────  ───────\n0  127.0.0.1  true\n")
    #expect(await shell.session.run("set view vertical\nsessions | where current | select ip", origin: "t").code == 0)
    #expect(shell.capture.stdout.hasSuffix("\n─[ 0 ]────────\nip │ 127.0.0.1\n"))
    await shell.stop()
  }

  @Test func aReplTranscriptSwitchesViews() async throws {
    let shell = try await NarrowShell.start(width: 40)
    let reader = ScriptedReader([
      .line("sessions | where current | select ip current"), .line("set view vertical"),
      .line("sessions | where current | select ip current"), .line("set | get view"),
    ])
    let driver = ReplDriver(session: shell.session, reader: reader, bridge: BlockingBridge(), showPrompts: false)
    #expect(await ReplDriverTests.onOwnThread(driver) == 0)
    #expect(
      shell.capture.stdout == """
        #  ip         current
        ─  ─────────  ───────
        0  127.0.0.1  true
        ─[ 0 ]─────────────
        ip      │ 127.0.0.1
        current │ true
        vertical

        """)
    await shell.stop()
  }

  @Test func aViewThatIsNotOneOfTheThreeStopsTheScriptBeforeItRuns() async throws {
    let shell = try await NarrowShell.start(width: 80)
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.session.run("sessions\nset view xml", origin: "t.dsh")
    #expect(outcome.code == 2)
    #expect(shell.capture.stderr.contains("error[E208]: 'xml' is not a value for view\n"))
    #expect(shell.capture.stderr.contains("^^^ view takes auto|table|vertical"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }

  @Test func theHostGivesCommandsTheTerminalsWidth() {
    let terminal = Terminal(
      writeOut: { _ in }, writeErr: { _ in }, stdoutIsTTY: true, stderrIsTTY: true, width: { 47 },
      colorAllowed: false)
    let host = ShellHost(terminal: terminal, interactive: true, ask: { _ in false }, askSecret: { _ in nil })
    #expect(host.columns == 47)
  }
}
