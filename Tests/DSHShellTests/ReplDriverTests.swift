import DSHLanguage
import Foundation
import Testing

@testable import DSHShell
@testable import DocSpaceAPI

/// The REPL loop through a scripted reader: prompts, continuation, history, exit.
final class ScriptedReader: LineReader, @unchecked Sendable {
  var lines: [LineInput]
  var prompts: [String] = []
  var remembered: [String] = []
  var editors: [String] = []
  var replaced: [[String]] = []

  init(_ lines: [LineInput]) { self.lines = lines }

  func read(prompt: String) -> LineInput {
    prompts.append(prompt)
    return lines.isEmpty ? .end : lines.removeFirst()
  }

  func remember(_ entry: String) { remembered.append(entry) }
  func setCompletionState(_ state: CompletionState) {}
  func setEditor(_ mode: String) { editors.append(mode) }
  func replaceHistory(_ entries: [String]) { replaced.append(entries) }
}

struct UncheckedDriver: @unchecked Sendable {
  let driver: ReplDriver
}

@Suite struct ReplDriverTests {
  func drive(_ lines: [LineInput]) async throws -> (ScriptedReader, TestShell, Int32) {
    let shell = try await TestShell.start()
    let reader = ScriptedReader(lines)
    let driver = ReplDriver(session: shell.session, reader: reader, bridge: BlockingBridge(), showPrompts: true)
    let code = await Self.onOwnThread(driver)
    return (reader, shell, code)
  }

  /// The driver blocks its thread while commands run, as on dsh's start thread: give it
  /// a thread of its own, never one of the concurrency pool's.
  static func onOwnThread(_ driver: ReplDriver) async -> Int32 {
    let box = UncheckedDriver(driver: driver)
    return await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: box.driver.run()) }.start()
    }
  }

  @Test func aTranscriptShowsPromptsContinuationAndResults() async throws {
    let (reader, shell, code) = try await drive([.line("[1, 2, 3] |"), .line("  count"), .line("print done")])
    #expect(reader.prompts == ["dsh test owner> ", "... ", "dsh test owner> ", "dsh test owner> "])
    #expect(shell.capture.stdout == "3\ndone\n")
    #expect(reader.remembered == ["[1, 2, 3] |\n  count", "print done"])
    #expect(code == 0)
    await shell.stop()
  }

  @Test func ctrlCAbandonsAnOpenStatement() async throws {
    let (reader, shell, _) = try await drive([.line("[1,"), .interrupted, .line("print 2")])
    #expect(shell.capture.stdout == "2\n")
    #expect(reader.prompts.last == "dsh test owner> ")
    await shell.stop()
  }

  @Test func anErrorKeepsTheShellAndExitLeavesIt() async throws {
    let (reader, shell, code) = try await drive([.line("print $nope"), .line("exit 3"), .line("print never")])
    #expect(shell.capture.stderr.contains("error[E201]"))
    #expect(!shell.capture.stdout.contains("never"))
    #expect(code == 3)
    #expect(reader.lines.count == 1)
    await shell.stop()
  }

  @Test func setEditorSwitchesTheKeys() async throws {
    let (reader, shell, _) = try await drive([.line("set editor vi"), .line("set editor emacs")])
    #expect(reader.editors == ["vi", "emacs"])
    await shell.stop()
  }

  @Test func linesWithSecretsStayOutOfHistory() async throws {
    let (reader, shell, _) = try await drive([.line("connect --token abc"), .line("print 1")])
    #expect(reader.remembered == ["print 1"])
    await shell.stop()
  }
}

@Suite struct ClientDetailTests {
  @Test func anHTMLPageFromAProxyIsNamedAsSuch() {
    let html = Data("<html><body>502 Bad Gateway</body></html>".utf8)
    let request = APIRequest("GET", "/api/2.0/people/@self")
    #expect(throws: APIError.notJSON(request, status: 502, contentStart: "<html><body>502 Bad Gateway</body></html")) {
      _ = try ResponseDecoding.check(APIResponse(status: 502, body: html), for: request)
    }
  }

  @Test func revokingAllYourOwnSessionsKeepsTheShellSignedInThroughSetCookie() async throws {
    let shell = try await TestShell.start()
    let before = try #require(await shell.session.portal.client?.credential.loginToken)
    let outcome = await shell.run("revoke-user owner@example.com --yes | get outcome; sessions | count")
    #expect(outcome.code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout == "closed\n1\n")
    #expect(await shell.session.portal.client?.credential.loginToken != before)
    await shell.stop()
  }

  @Test func aListSkipsTheShellsOwnConnectionUnlessIncludeSelf() async throws {
    let shell = try await TestShell.start()
    await shell.run("revoke (sessions | where current) --yes | count")
    #expect(shell.capture.stdout == "0\n")
    #expect(shell.capture.stderr.contains("skipping the shell's own connection"))
    let outcome = await shell.run("revoke (sessions | where current) --include-self --yes | get outcome")
    #expect(outcome.code == 0)
    #expect(shell.capture.stdout.hasSuffix("closed\n"))
    #expect(await shell.run("sessions").code == 4)
    await shell.stop()
  }

  @Test func aLongBulkJobDrawsProgressOnATerminalOnly() {
    let capture = Capture()
    let tty = Terminal(
      writeOut: { capture.out($0) }, writeErr: { capture.err($0) }, stdoutIsTTY: true, stderrIsTTY: true,
      width: { 80 }, colorAllowed: false)
    ShellHost(terminal: tty, interactive: true, ask: { _ in false }, askSecret: { _ in nil }).progress(
      done: 10, total: 40)
    #expect(capture.stderr.contains("10/40"))
    let pipe = Capture()
    let notTTY = Terminal(
      writeOut: { pipe.out($0) }, writeErr: { pipe.err($0) }, stdoutIsTTY: false, stderrIsTTY: false,
      width: { 80 }, colorAllowed: false)
    ShellHost(terminal: notTTY, interactive: false, ask: { _ in false }, askSecret: { _ in nil }).progress(
      done: 10, total: 40)
    #expect(pipe.stderr.isEmpty)
  }

  @Test func sourceRunsAnotherFileInTheCurrentScope() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-source-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try "def double [x] { $x * 2 }\n$greeting = \"hi\"\n".write(
      to: directory.appendingPathComponent("lib.dsh"), atomically: true, encoding: .utf8)
    try "source \"lib.dsh\"\nprint $greeting (double 21)\n".write(
      to: directory.appendingPathComponent("main.dsh"), atomically: true, encoding: .utf8)
    let shell = try await TestShell.start()
    let outcome = await shell.session.runFile(directory.appendingPathComponent("main.dsh").path)
    #expect(outcome.code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout == "hi 42\n")
    await shell.stop()
  }

  @Test func envReadsTheEnvironment() async throws {
    let shell = try await TestShell.start(environment: ["DSH_TEST_VALUE": "seven"])
    await shell.run("print $env.DSH_TEST_VALUE")
    #expect(shell.capture.stdout == "seven\n")
    await shell.stop()
  }
}
