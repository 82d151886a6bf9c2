import DSHLanguage
import DSHShell
import Foundation
import Testing

/// `source` with a literal path is checked with the sourcing file, recursively, its defs in
/// scope; a cycle or a missing file is a check error; a computed path is checked when it
/// runs (#12).
@Suite(.timeLimit(.minutes(1))) struct SourceCheckTests {
  /// A fresh directory holding `files` (name → text); removed by `remove()`.
  struct Directory {
    let url: URL

    init(_ files: [String: String]) throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-source-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      for (name, text) in files {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
      }
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
  }

  @Test func aDefInASourcedFileIsKnownToTheCheckAndRuns() async throws {
    let directory = try Directory([
      "a.dsh": "source \"b.dsh\"\ngreet world\n",
      "b.dsh": "def greet [name] { print \"hello $name\" }\n",
    ])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    #expect(await ScriptChecker(session: shell.session).check(path: directory.path("a.dsh")) == 0)
    let outcome = await shell.session.runFile(directory.path("a.dsh"))
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "hello world\n")
    await shell.stop()
  }

  @Test func aFindingInASourcedFileStopsTheSourcingScriptBeforeItRuns() async throws {
    let directory = try Directory([
      "a.dsh": "revoke-others --yes\nsource \"b.dsh\"\n",
      "b.dsh": "sessions --bogus\n",
    ])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.session.runFile(directory.path("a.dsh"))
    #expect(outcome.code == 2)
    #expect(shell.capture.stderr.contains("error[E205]: 'sessions' has no flag --bogus"))
    #expect(shell.capture.stderr.contains("--> \(directory.path("b.dsh")):1:10"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }

  @Test func aCycleIsACheckErrorNamingTheChainAndNothingRuns() async throws {
    let directory = try Directory([
      "a.dsh": "revoke-others --yes\nsource \"b.dsh\"\n",
      "b.dsh": "source \"a.dsh\"\n",
    ])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.session.runFile(directory.path("a.dsh"))
    #expect(outcome.code == 2)
    #expect(
      shell.capture.stderr.contains("error[E207]: cannot source 'a.dsh': it sources itself (a.dsh → b.dsh → a.dsh)"),
      "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stderr.contains("--> \(directory.path("b.dsh")):1:8"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }

  @Test func aCycleIsFoundWhenTheScriptIsNamedByARelativePath() async throws {
    let directory = try Directory([
      "a.dsh": "source \"b.dsh\"\n",
      "b.dsh": "source \"a.dsh\"\n",
    ])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    let relative = directory.path("a.dsh").replacingOccurrences(of: "/a.dsh", with: "/./a.dsh")
    let outcome = await shell.session.runFile(relative)
    #expect(outcome.code == 2)
    #expect(
      shell.capture.stderr.contains("it sources itself (a.dsh → b.dsh → a.dsh)"), "stderr: \(shell.capture.stderr)")
    await shell.stop()
  }

  @Test func dshCheckReportsTheCycle() async throws {
    let directory = try Directory(["a.dsh": "source \"b.dsh\"\n", "b.dsh": "source \"a.dsh\"\n"])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    let code = await ScriptChecker(session: shell.session).check(path: directory.path("a.dsh"))
    #expect(code == 2)
    #expect(shell.capture.stderr.contains("it sources itself (a.dsh → b.dsh → a.dsh)"))
    await shell.stop()
  }

  @Test func aMissingSourcedFileIsACheckErrorAndNothingRuns() async throws {
    let directory = try Directory(["a.dsh": "revoke-others --yes\nsource \"missing.dsh\"\n"])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.session.runFile(directory.path("a.dsh"))
    #expect(outcome.code == 2)
    #expect(shell.capture.stderr.contains("error[E207]: cannot source 'missing.dsh': "), "\(shell.capture.stderr)")
    #expect(shell.capture.stderr.contains("--> \(directory.path("a.dsh")):2:8"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }

  @Test func aComputedPathIsAWarningOfDshCheckNotAnError() async throws {
    let directory = try Directory([
      "a.dsh": "$lib = \"b.dsh\"\nsource $lib\ngreet world\n",
      "b.dsh": "def greet [name] { print \"hello $name\" }\n",
    ])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    let code = await ScriptChecker(session: shell.session).check(path: directory.path("a.dsh"))
    #expect(code == 0)
    #expect(
      shell.capture.stderr.contains(
        "warning[W201]: this source path is computed: the file it names is checked when it runs"),
      "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stderr.contains("no problems found"))
    await shell.stop()
  }

  @Test func aComputedPathIsWarnedAboutOnce() async throws {
    let shell = try await TestShell.start()
    let diagnostics = await ScriptChecker(session: shell.session).check(
      Source(name: "a.dsh", text: "$lib = \"b.dsh\"\nsource $lib\nsource $lib\n"))
    await shell.stop()
    #expect(diagnostics.map(\.code) == ["W201"])
  }

  @Test func aComputedPathRunsTheFileItNames() async throws {
    let directory = try Directory([
      "a.dsh": "$lib = \"b.dsh\"\nsource $lib\ngreet world\n",
      "b.dsh": "def greet [name] { print \"hello $name\" }\n",
    ])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    let outcome = await shell.session.runFile(directory.path("a.dsh"))
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    #expect(shell.capture.stdout == "hello world\n")
    #expect(!shell.capture.stderr.contains("W201"))
    await shell.stop()
  }

  @Test func aFileSourcedByAComputedPathIsCheckedBeforeItRuns() async throws {
    let directory = try Directory([
      "a.dsh": "print before\n$lib = \"b.dsh\"\nsource $lib\nprint after\n",
      "b.dsh": "revoke-others --yes\nsessions --bogus\n",
    ])
    defer { directory.remove() }
    let shell = try await TestShell.start()
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.session.runFile(directory.path("a.dsh"))
    #expect(outcome.code != 0)
    #expect(shell.capture.stdout == "before\n")
    #expect(shell.capture.stderr.contains("error[E205]: 'sessions' has no flag --bogus"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }
}
