import DSHLanguage
import Foundation
import Testing

@testable import DSHShell

/// `export dsh FILE`: the REPL entries that worked, as a script that checks and runs.
@Suite struct ExportTests {
  static func scratchFile() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dsh-export-\(UUID().uuidString).dsh").path
  }

  func drive(_ lines: [String]) async throws -> TestShell {
    let shell = try await TestShell.start()
    let reader = ScriptedReader(lines.map(LineInput.line))
    let driver = ReplDriver(session: shell.session, reader: reader, bridge: BlockingBridge(), showPrompts: true)
    _ = await ReplDriverTests.onOwnThread(driver)
    return shell
  }

  static func entries(of path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init).filter {
      !$0.hasPrefix("#")
    }
  }

  @Test func theEntriesThatRanAreSavedInOrder() async throws {
    let path = Self.scratchFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let shell = try await drive(["$n = sessions | count", "print $n", "export dsh \(path)"])
    defer { Task { await shell.stop() } }
    #expect(try Self.entries(of: path) == ["$n = sessions | count", "print $n"])
    #expect(shell.capture.stdout.contains("saved 2 entries to \(path)"))
  }

  @Test func entriesThatFailedAreLeftOut() async throws {
    let path = Self.scratchFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let shell = try await drive(["print 1", "sesions", "revoke 1 2", "print 2", "export dsh \(path)"])
    defer { Task { await shell.stop() } }
    #expect(try Self.entries(of: path) == ["print 1", "print 2"])
  }

  @Test func entriesWithASecretAndEarlierExportsAreLeftOut() async throws {
    let first = Self.scratchFile()
    let second = Self.scratchFile()
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    let shell = try await drive([
      "print 1", "$k = \"sk-0123456789abcdef0123\"", "export dsh \(first)", "print 2", "export dsh \(second)",
    ])
    defer { Task { await shell.stop() } }
    #expect(try Self.entries(of: second) == ["print 1", "print 2"])
  }

  @Test func theScriptIsOnlyItsOwnersAndAnExistingFileNeedsForce() async throws {
    let path = Self.scratchFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let shell = try await drive(["print 1", "export dsh \(path)", "print 2", "export dsh \(path)"])
    defer { Task { await shell.stop() } }
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try Self.entries(of: path) == ["print 1"])
    #expect(shell.capture.stderr.contains("the file exists"), "\(shell.capture.stderr)")
  }

  @Test func theSavedScriptPassesTheCheckAndRunsTheSame() async throws {
    let path = Self.scratchFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let shell = try await drive(["$n = [1, 2, 3] | count", "print \"n=$n\"", "export dsh \(path)"])
    defer { Task { await shell.stop() } }
    let rerun = try await TestShell.start()
    defer { Task { await rerun.stop() } }
    let outcome = await rerun.session.runFile(path)
    #expect(outcome.code == 0, "\(rerun.capture.stderr)")
    #expect(rerun.capture.stdout == "n=3\n")
  }

  @Test func thePythonScriptEndsTheSameSessionsOnAPortalLikeThisOne() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-\(UUID().uuidString).py").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let first = try await drive([
      "$s = sessions | where not current", "revoke $s[0]", "revoke $s[1]", "export python \(path)",
    ])
    defer { Task { await first.stop() } }
    // A second portal from the same fixture, signed in the same way: the same connection ids.
    let second = try await TestShell.start()
    defer { Task { await second.stop() } }
    let secondClient = try #require(await second.session.portal.client)
    let before = try await secondClient.activeConnections().items.map(\.id)
    let token = try #require(secondClient.credential.loginToken)
    let run = try await PythonScriptTests.python(
      try String(contentsOfFile: path, encoding: .utf8),
      environment: ["DOCSPACE_URL": second.simulator.url, "DOCSPACE_TOKEN": token])
    #expect(run.status == 0, "\(run.output)")
    let firstClient = try #require(await first.session.portal.client)
    let endedHere = try await firstClient.activeConnections().items.map(\.id)
    let endedThere = try await secondClient.activeConnections().items.map(\.id)
    #expect(endedHere.count == before.count - 2)
    #expect(Set(endedThere) == Set(endedHere))
  }

  @Test func pythonWithoutAFilePrintsTheScript() async throws {
    let shell = try await drive(["sessions | count", "export python"])
    defer { Task { await shell.stop() } }
    #expect(shell.capture.stdout.contains("#!/usr/bin/env python3"))
    #expect(shell.capture.stdout.contains(": GET /api/2.0/security/activeconnections\n"))
  }
}
