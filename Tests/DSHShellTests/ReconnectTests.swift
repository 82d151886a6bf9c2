import DSHLanguage
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

@testable import DSHShell

/// Getting back in: bare `connect`, the signed-out prompt, history per portal.
@Suite struct ReconnectTests {
  static let password = ["DOCSPACE_PASSWORD": "demo-password"]

  @Test func bareConnectAfterChangePasswordSignsInAgainAsTheSameAccount() async throws {
    let shell = try await TestShell.start(as: "admin@example.com", environment: Self.password)
    #expect(await shell.run("change-password --yes").code == 0, "\(shell.capture.stderr)")
    #expect(await shell.session.portal.isSignedOut)
    #expect(await shell.run("connect").code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stderr.contains("connected to \(shell.simulator.url)"))
    #expect(await shell.run("whoami | get email").code == 0)
    #expect(shell.capture.stdout.hasSuffix("admin@example.com\n"))
    #expect(await shell.session.portal.isSignedIn)
    #expect(await shell.session.portal.label == "test")
    await shell.stop()
  }

  @Test func bareConnectInAScriptWithoutAPasswordSaysWhereOneComesFrom() async throws {
    let shell = try await TestShell.start()
    await shell.run("change-password --yes")
    #expect(await shell.run("connect").code == 4)
    #expect(shell.capture.stderr.contains("no password: set DOCSPACE_PASSWORD"))
    await shell.stop()
  }

  @Test func bareConnectWithNoPortalEverConnectedNeedsAURL() async throws {
    let session = TestShell.offlineSession()
    let outcome = await session.run("connect", origin: "test.dsh")
    #expect(outcome.code == 1)
    #expect(await session.portal.lastSignIn == nil)
    #expect(await !session.portal.isSignedOut)
  }

  @Test func revokingTheShellsOwnConnectionSignsItOut() async throws {
    let shell = try await TestShell.start()
    #expect(await shell.run("$c = sessions | where current; revoke $c[0] --yes").code == 0, "\(shell.capture.stderr)")
    #expect(await shell.session.portal.isSignedOut)
    await shell.stop()
  }

  @Test func aTokenEndedElsewhereSignsTheShellOutAtItsNext401() async throws {
    let shell = try await TestShell.start()
    let own = try #require(await shell.session.portal.me?.loginEventId)
    let other = try await shell.client()
    #expect(try await other.logOut(connection: own))
    #expect(await !shell.session.portal.isSignedOut)
    #expect(await shell.run("sessions | count").code == 4)
    #expect(await shell.session.portal.isSignedOut)
    await other.shutdown()
    await shell.stop()
  }

  @Test func thePromptSaysSignedOutOnceTheShellsSessionEndsAndNamesTheUserAgainAfterConnect() async throws {
    let shell = try await TestShell.start(environment: Self.password)
    let reader = ScriptedReader([.line("change-password --yes"), .line("connect"), .line("print 1")])
    let driver = ReplDriver(session: shell.session, reader: reader, bridge: BlockingBridge(), showPrompts: true)
    _ = await ReplDriverTests.onOwnThread(driver)
    #expect(
      reader.prompts == ["dsh test owner> ", "dsh test (signed out)> ", "dsh test owner> ", "dsh test owner> "],
      "\(shell.capture.stderr)")
    await shell.stop()
  }

  @Test func aRefusedTokenWithNoWorkingConnectionLeavesTheShellSignedOutWithAHint() async throws {
    let shell = try await TestShell.start()
    let session = TestShell.offlineSession()
    let outcome = await session.run("connect \(shell.simulator.url) --token not-a-live-token", origin: "test.dsh")
    #expect(outcome.code == 4)
    #expect(await session.portal.isSignedOut)
    #expect(await session.portal.lastSignIn?.configuration.baseURL.absoluteString == shell.simulator.url)
    await shell.stop()
  }

  @Test func aFailedConnectKeepsAWorkingConnectionAndWhatBareConnectReuses() async throws {
    let shell = try await TestShell.start()
    await shell.run("connect \(shell.simulator.url) --token not-a-live-token")
    #expect(await shell.session.portal.isSignedIn)
    #expect(await shell.session.portal.lastSignIn?.account == "owner@example.com")
    await shell.stop()
  }

  @Test func historyFilesAreOnePerHostAndPort() throws {
    let environment = ["XDG_STATE_HOME": "/tmp/state"]
    let first = HistoryStore.forPortal(
      url: try #require(URL(string: "http://127.0.0.1:8080")), environment: environment)
    let second = HistoryStore.forPortal(
      url: try #require(URL(string: "http://127.0.0.1:8081")), environment: environment)
    let plain = HistoryStore.forPortal(
      url: try #require(URL(string: "https://p.example.com")), environment: environment)
    #expect(first.path == "/tmp/state/dsh/history-127.0.0.1_8080")
    #expect(second.path == "/tmp/state/dsh/history-127.0.0.1_8081")
    #expect(plain.path == "/tmp/state/dsh/history-p.example.com")
  }

  @Test func historyFollowsConnectToAnotherPortal() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-history-\(UUID().uuidString)")
    let first = try await TestShell.start()
    let second = try await TestShell.start()
    let firstURL = try #require(URL(string: first.simulator.url))
    let secondURL = try #require(URL(string: second.simulator.url))
    let store = HistoryStore.forPortal(url: firstURL, environment: ["XDG_STATE_HOME": directory.path])
    var options = Session.Options(
      terminal: Terminal(
        writeOut: { _ in }, writeErr: { _ in }, stdoutIsTTY: false,
        stderrIsTTY: false, width: { 100 }, colorAllowed: false))
    options.history = store
    options.environment = Self.password
    let session = Session(options)
    try await session.portal.connect(PortalConfiguration(baseURL: firstURL, credential: .none), label: nil)
    let reader = ScriptedReader([
      .line("print 1"), .line("connect \(second.simulator.url) --user user@example.com"), .line("print 2"),
    ])
    _ = await ReplDriverTests.onOwnThread(
      ReplDriver(session: session, reader: reader, bridge: BlockingBridge(), showPrompts: true))
    let secondFile = HistoryStore.forPortal(url: secondURL, environment: ["XDG_STATE_HOME": directory.path])
    #expect(firstURL.port != secondURL.port)
    #expect(HistoryStore(path: store.path).load() == ["print 2"])
    #expect(store.path == secondFile.path)
    #expect(HistoryStore(path: directory.path + "/dsh/history-" + HistoryStore.key(firstURL)).load() == ["print 1"])
    #expect(reader.replaced == [[]])
    await session.close()
    await first.stop()
    await second.stop()
  }
}
