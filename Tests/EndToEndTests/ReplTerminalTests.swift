import Foundation
import Testing

/// The real `dsh` in a real terminal (tmux): editing keys, completion, history, signals.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ReplTerminalTests {
  func demo(stateDirectory: URL? = nil) async throws -> Tmux {
    let terminal = try Tmux(command: [Binaries.dsh, "--demo"], stateDirectory: stateDirectory)
    #expect(await terminal.waitFor { $0.contains("dsh demo owner> ") }, "prompt never appeared: \(terminal.screen)")
    return terminal
  }

  @Test func tabCompletesAVerb() async throws {
    let terminal = try await demo()
    try terminal.type("revoke-ot")
    try terminal.press("Tab")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.hasSuffix("> revoke-others ") })
  }

  @Test func tabCompletesAFieldAfterWhere() async throws {
    let terminal = try await demo()
    try terminal.type("sessions | where use")
    try terminal.press("Tab")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.hasSuffix("where userId ") })
  }

  @Test func tabListsCandidatesWithDescriptions() async throws {
    let terminal = try await demo()
    try terminal.type("revoke-")
    try terminal.press("Tab")
    #expect(await terminal.waitFor { $0.contains("revoke-others") && $0.contains("End all your sessions except") })
  }

  @Test func upRecallsThePreviousEntry() async throws {
    let terminal = try await demo()
    try terminal.type("print 4242")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("\n4242") })
    try terminal.press("Up")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.hasSuffix("> print 4242") })
  }

  @Test func ctrlRFindsAnEarlierEntryByWhatItContains() async throws {
    let terminal = try await demo()
    for number in ["5151", "6262"] {
      try terminal.type("print \(number)")
      try terminal.press("Enter")
      #expect(await terminal.waitFor { $0.contains("\n\(number)") })
    }
    try terminal.press("C-r")
    try terminal.type("515")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.contains("print 5151") }, "\(terminal.screen)")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.components(separatedBy: "\n5151").count == 3 }, "\(terminal.screen)")
  }

  @Test func ctrlCClearsTheLineAndKeepsTheShell() async throws {
    let terminal = try await demo()
    try terminal.type("print 1111")
    try terminal.press("C-c")
    // A user types again once the fresh prompt is there; keys sent earlier can race the reset.
    #expect(
      await terminal.waitFor { _ in terminal.cursorLine.trimmingCharacters(in: .whitespaces) == "dsh demo owner>" })
    try terminal.type("print 2222")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("\n2222") })
    #expect(!terminal.screen.contains("\n1111"))
    #expect(terminal.exitCode == nil)
  }

  @Test func ctrlDOnAnEmptyLineExits() async throws {
    let terminal = try await demo()
    try terminal.press("C-d")
    #expect(await terminal.waitFor { _ in terminal.exitCode != nil })
    #expect(terminal.exitCode == 0)
  }

  @Test func sigtermLeavesTheTerminalInItsNormalMode() async throws {
    let terminal = try Tmux(
      command: [Binaries.dsh, "--demo"],
      afterExit: "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ';")
    #expect(await terminal.waitFor { $0.contains("dsh demo owner> ") })
    try terminal.type("print half-typed")
    let shell = try terminal.tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    _ = try terminal.tmux(["run-shell", "pkill -TERM -P \(shell)"])
    #expect(await terminal.waitFor { $0.contains("[exit ") && $0.contains("icanon") })
    #expect(terminal.screen.contains("[exit 143]"), "\(terminal.screen)")
    #expect(terminal.screen.contains("icanon echo"), "\(terminal.screen)")
  }

  @Test func aContinuationPromptWaitsForTheRest() async throws {
    let terminal = try await demo()
    try terminal.type("[1, 2, 3] |")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.hasPrefix("... ") })
    try terminal.type("count")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("\n3\n") })
  }

  @Test func historyIsRecalledInANewProcessAndHoldsNoSecret() async throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-state-\(UUID().uuidString)")
    do {
      let first = try await demo(stateDirectory: state)
      try first.type("print 31337")
      try first.press("Enter")
      #expect(await first.waitFor { $0.contains("\n31337") }, "\(first.screen)")
      try first.type("connect http://127.0.0.1:9 --token not-a-real-secret")
      try first.press("Enter")
      #expect(await first.waitFor { $0.contains("error[") }, "\(first.screen)")
      try first.press("C-d")
      #expect(await first.waitFor { _ in first.exitCode != nil }, "did not exit: \(first.screen)")
    }
    let file = state.appendingPathComponent("dsh/history-demo").path
    let attributes = try FileManager.default.attributesOfItem(atPath: file)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let contents = try String(contentsOfFile: file, encoding: .utf8)
    #expect(contents.contains("print 31337"))
    #expect(!contents.contains("not-a-real-secret"))

    let second = try await demo(stateDirectory: state)
    try second.press("Up")
    #expect(await second.waitFor { _ in second.cursorLine.hasSuffix("> print 31337") }, "\(second.screen)")
  }

  @Test func ctrlCCancelsARunningCommandAndReturnsToThePrompt() async throws {
    let simulator = try SimulatorProcess(["--latency", "5000"])
    let token = try await WalkingSkeletonTests().signInToken(simulator.url)
    let terminal = try Tmux(
      command: [Binaries.dsh], environment: ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token])
    #expect(await terminal.waitFor { $0.contains("> ") })
    try terminal.type("sessions")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("> sessions\n") })
    let started = Date()
    try terminal.press("C-c")
    #expect(await terminal.waitFor { $0.contains("interrupted") })
    #expect(Date().timeIntervalSince(started) < 10)
    try terminal.type("print 5150")
    try terminal.press("Enter")
    #expect(await terminal.waitFor { $0.contains("\n5150") })
  }
}
