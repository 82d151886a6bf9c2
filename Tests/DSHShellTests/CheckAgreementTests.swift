import DSHLanguage
import DSHShell
import Foundation
import Testing

/// `dsh check P` reports exactly what running P refuses to start on (#12): the same
/// errors, rendered the same, and a run exits 2 sending nothing iff the check found any.
@Suite(.timeLimit(.minutes(1))) struct CheckAgreementTests {
  static let programs = [
    "print hello",
    "$s = sessions | where not current\nrevoke $s[0]",
    "revoke (sessions | where not current) --yes",
    "set confirm off\nrevoke-others",
    "def f [a, --days = 30] { print \"$a $days\" }\nf x --days 7",
    "$i = 0\nwhile $i < 2 { $i = $i + 1 }\nprint $i",
    "$r = {a: [1, 2]}\n$r.a[-1] = 5\nprint $r.a",
    "$u = whoami\nprint \"$u.email\"",
    "$l = (\"[1]\" | from json)\nrevoke $l --dry-run",
    // Refused:
    "revoke-others --yes\nsessions --bogus",
    "sessions | sort --reverse",
    "set output xml",
    "revoke 1042 1018",
    "$u = user user@example.com\nrevoke $u",
    "return 1",
    "break",
    "logins --since 30 days",
    "print \"x\" + 3",
    "$n = 1\nprint \"$n.foo\"",
    "revoke-user user@example.com",
    "revoke (sessions | where not current)\nprint $nope\nsesions",
    "def f [a] { print $a }\nf\nf 1 2\nf 1 --days 3",
  ]

  @Test(arguments: programs)
  func theCheckReportsExactlyWhatARunRefuses(_ program: String) async throws {
    let checking = try await TestShell.start()
    let diagnostics = await ScriptChecker(session: checking.session).check(Source(name: "p.dsh", text: program))
    await checking.stop()
    let errors = diagnostics.filter { $0.severity == .error }

    let running = try await TestShell.start()
    let before = await running.simulator.receivedRequests().count
    let outcome = await running.run(program, origin: "p.dsh")
    let sent = await running.simulator.receivedRequests().count - before
    await running.stop()

    if errors.isEmpty {
      #expect(outcome.code == 0, "stderr: \(running.capture.stderr)")
    } else {
      #expect(outcome.code == 2)
      #expect(running.capture.stderr == DiagnosticRenderer(color: false).render(all: errors))
      #expect(sent == 0)
    }
  }

  @Test func aProgramWithSeveralFindingsReportsEachOfThem() async throws {
    let shell = try await TestShell.start()
    let diagnostics = await ScriptChecker(session: shell.session).check(
      Source(name: "p.dsh", text: "revoke (sessions | where not current)\nprint $nope\nsesions"))
    await shell.stop()
    #expect(diagnostics.map(\.code) == ["E209", "E201", "E202"])
  }

  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples").standardized

  static var exampleFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".dsh") }
      .sorted()
  }

  @Test func thereAreExamplesToCheck() {
    #expect(Self.exampleFiles.count >= 4)
  }

  @Test(arguments: exampleFiles)
  func everyExamplePassesTheCheck(_ file: String) async throws {
    let shell = try await TestShell.start()
    let path = Self.examples.appendingPathComponent(file).path
    let code = await ScriptChecker(session: shell.session).check(path: path)
    await shell.stop()
    #expect(code == 0, "\(file): \(shell.capture.stderr)")
    #expect(shell.capture.stderr == "\(path): no problems found\n")
  }
}
