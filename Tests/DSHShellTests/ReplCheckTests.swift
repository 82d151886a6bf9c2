import DSHLanguage
import Foundation
import Testing

@testable import DSHShell

/// In the REPL each entry is checked against what earlier entries defined: their defs,
/// their variables and the real records those hold (#12).
@Suite(.timeLimit(.minutes(1))) struct ReplCheckTests {
  @Test func aDefFromOneEntryIsCallableInTheNext() async throws {
    let shell = try await TestShell.start(interactive: true)
    #expect(await shell.run("def f [] { return 1 }", origin: "<repl:1>").code == 0)
    #expect(await shell.run("f", origin: "<repl:2>").code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "1\n")
    #expect(shell.capture.stderr.isEmpty)
    await shell.stop()
  }

  @Test func aDefFromOneEntryIsCallableInTheNextThroughTheDriver() async throws {
    let shell = try await TestShell.start(interactive: true)
    let reader = ScriptedReader([.line("def f [] { return 1 }"), .line("f")])
    let driver = ReplDriver(session: shell.session, reader: reader, bridge: BlockingBridge(), showPrompts: true)
    let code = await ReplDriverTests.onOwnThread(driver)
    #expect(code == 0)
    #expect(shell.capture.stdout == "1\n")
    #expect(shell.capture.stderr.isEmpty, "stderr: \(shell.capture.stderr)")
    await shell.stop()
  }

  @Test func aDefsFlagsFromAnEarlierEntryAreKnown() async throws {
    let shell = try await TestShell.start(interactive: true)
    await shell.run("def f [--days = 1] { print $days }", origin: "<repl:1>")
    #expect(await shell.run("f --days 3", origin: "<repl:2>").code == 0, "stderr: \(shell.capture.stderr)")
    #expect(await shell.run("f --dys 3", origin: "<repl:3>").code == 2)
    #expect(shell.capture.stdout == "3\n")
    #expect(shell.capture.stderr.contains("error[E205]: 'f' has no flag --dys"))
    #expect(shell.capture.stderr.contains("did you mean '--days'?"))
    await shell.stop()
  }

  @Test func aVariableFromOneEntryIsKnownInTheNext() async throws {
    let shell = try await TestShell.start(interactive: true)
    await shell.run("$count = 3", origin: "<repl:1>")
    #expect(await shell.run("print $count", origin: "<repl:2>").code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "3\n")
    await shell.stop()
  }

  @Test func anUndefinedVariableSuggestsOneDefinedInAnEarlierEntry() async throws {
    let shell = try await TestShell.start(interactive: true)
    await shell.run("$count = 3", origin: "<repl:1>")
    #expect(await shell.run("print $cuont", origin: "<repl:2>").code == 2)
    #expect(shell.capture.stderr.contains("error[E201]: variable '$cuont' is not defined"))
    #expect(shell.capture.stderr.contains("^^^^^^ did you mean '$count'?"))
    await shell.stop()
  }

  @Test func aFieldIsCheckedAgainstTheRecordAVariableHolds() async throws {
    let shell = try await TestShell.start(interactive: true)
    #expect(await shell.run("$u = whoami", origin: "<repl:1>").code == 0)
    let before = await shell.simulator.receivedRequests().count
    #expect(await shell.run("revoke-others --yes; $u.emial", origin: "<repl:2>").code == 2)
    #expect(shell.capture.stderr.contains("error[E204]: no field 'emial' on "), "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stderr.contains("did you mean 'email'?"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }

  @Test func aFieldOfAVariablesRealRecordPasses() async throws {
    let shell = try await TestShell.start(interactive: true)
    await shell.run("$u = whoami", origin: "<repl:1>")
    #expect(await shell.run("print $u.email", origin: "<repl:2>").code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "owner@example.com\n")
    await shell.stop()
  }

  @Test func scriptIsNullInTheREPL() async throws {
    let shell = try await TestShell.start(interactive: true)
    let outcome = await shell.run("print ($script == null)", origin: "<repl:1>")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "true\n")
    await shell.stop()
  }

  @Test func scriptIsThePathOfTheRunningFile() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-script-\(UUID().uuidString).dsh").path
    try Data("print $script\n".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let shell = try await TestShell.start()
    let outcome = await shell.session.runFile(path)
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == path + "\n")
    await shell.stop()
  }
}
