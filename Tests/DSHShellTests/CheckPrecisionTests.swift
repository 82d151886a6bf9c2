import DSHLanguage
import DSHShell
import Foundation
import Testing

/// The check refuses only what a run would refuse: programs that run fine pass it (#12,
/// "dsh check P reports exactly what running P would refuse to start on").
@Suite(.timeLimit(.minutes(1))) struct CheckPrecisionTests {
  @Test func aDefMayReadAGlobalAssignedAfterTheDefBeforeTheCall() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("def f [] { print $x }\n$x = 1\nf")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "1\n")
    await shell.stop()
  }

  @Test func mainMayReadAGlobalAssignedBelowIt() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.session.run(
      "def main [user] { print \"$greeting $user\" }\n$greeting = \"hello\"", origin: "greet.dsh", arguments: ["alice"])
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "hello alice\n")
    await shell.stop()
  }

  @Test func aVariableOnlyAssignedInsideAnotherDefIsStillUndefined() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("def g [] { $y = 1 }\ndef f [] { print $y }\ng\nf")
    #expect(outcome.code == 2)
    #expect(shell.capture.stderr.contains("error[E201]: variable '$y' is not defined"))
    await shell.stop()
  }

  @Test func firstWithACountGivesAListSoABulkRevokeOfItNeedsIntent() async throws {
    let shell = try await TestShell.start()
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run("revoke (sessions | where not current | first 2)")
    #expect(outcome.code == 2, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stderr.contains("error[E209]"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }

  @Test func firstWithoutACountGivesOneItemSoRevokeNeedsNoFlag() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("revoke (sessions | where not current | first)")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(await shell.simulator.receivedRequests().filter { $0.hasPrefix("PUT") }.count == 1)
    await shell.stop()
  }

  @Test func aSourcedLibraryMayCallADefOfTheFileThatSourcesIt() async throws {
    let directory = try SourceCheckTests.Directory([
      "a.dsh": "source \"b.dsh\"\ndef helper [] { print hi }\nrun_it\n",
      "b.dsh": "def run_it [] { helper }\n",
    ])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    #expect(await ScriptChecker(session: shell.session).check(path: directory.path("a.dsh")) == 0)
    let outcome = await shell.session.runFile(directory.path("a.dsh"))
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout.hasSuffix("hi\n"))
    await shell.stop()
  }

  @Test func aCallBeforeItsDefPassesTheCheckAndRuns() async throws {
    let shell = try await TestShell.start()
    let program = "f --days 3\ndef f [--days = 1] { print $days }"
    #expect(await ScriptChecker(session: shell.session).check(Source(name: "p.dsh", text: program)).isEmpty)
    let outcome = await shell.run(program)
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "3\n")
    await shell.stop()
  }

  @Test func scriptIsNullInACommandLineProgram() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("print ($script == null)", origin: "<-c>")
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "true\n")
    await shell.stop()
  }
}
