import DSHLanguage
import DSHShell
import Foundation
import Testing

/// Every `Scripts/NAME.dsh` runs against a fresh simulator (signed in as the owner, or as the
/// account named by a `# as: EMAIL` line).
///
/// Its stdout must equal `NAME.out`, its stderr `NAME.err` (empty when absent), and its exit code
/// the `# exit: N` line (0 when absent). Adding a case means adding files.
@Suite struct ScriptTests {
  static let directory = Bundle.module.url(forResource: "Scripts", withExtension: nil)

  static var scripts: [String] {
    ((directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) }) ?? [])
      .filter { $0.hasSuffix(".dsh") }.map { String($0.dropLast(4)) }.sorted()
  }

  @Test func theScriptsAreBundledWithTheTests() {
    #expect(Self.scripts.count > 10, "Scripts/ is missing from the test bundle")
  }

  @Test(arguments: scripts)
  func script(_ name: String) async throws {
    let directory = try #require(Self.directory)
    let text = try String(contentsOf: directory.appendingPathComponent(name + ".dsh"), encoding: .utf8)
    let expectedOut =
      (try? String(contentsOf: directory.appendingPathComponent(name + ".out"), encoding: .utf8)) ?? ""
    let expectedErr =
      (try? String(contentsOf: directory.appendingPathComponent(name + ".err"), encoding: .utf8)) ?? ""
    let account = Self.directive("as", in: text) ?? "owner@example.com"
    let expectedCode = Int32(Self.directive("exit", in: text) ?? "0") ?? 0

    let shell = try await TestShell.start(as: account == "nobody" ? nil : account)
    let outcome = await shell.run(text, origin: name + ".dsh")
    await shell.stop()

    if ProcessInfo.processInfo.environment["DSH_RECORD"] == "1" {
      Self.record(name, stdout: shell.capture.stdout, stderr: shell.capture.stderr)
      Issue.record("re-recorded \(name): check the new files, then run again without DSH_RECORD")
      return
    }
    #expect(shell.capture.stdout == expectedOut, "stdout of \(name)")
    #expect(shell.capture.stderr == expectedErr, "stderr of \(name)")
    #expect(outcome.code == expectedCode, "exit code of \(name)")
  }

  /// Writes the expectations into the source tree (only with DSH_RECORD=1).
  static func record(_ name: String, stdout: String, stderr: String) {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
    try? Data(stdout.utf8).write(to: source.appendingPathComponent(name + ".out"))
    let errFile = source.appendingPathComponent(name + ".err")
    if stderr.isEmpty {
      try? FileManager.default.removeItem(at: errFile)
    } else {
      try? Data(stderr.utf8).write(to: errFile)
    }
  }

  static func directive(_ name: String, in text: String) -> String? {
    for line in text.split(separator: "\n") where line.hasPrefix("# \(name): ") {
      return String(line.dropFirst(name.count + 4)).trimmingCharacters(in: .whitespaces)
    }
    return nil
  }
}
