import DocSpaceAPI
import Foundation
import Testing

/// `def main [user, --days = 30, --report]` with the real `dsh`: the script's arguments
/// after FILE reach it, `--help` prints its parameters, and a usage error exits 2 before
/// anything runs (#13).
@Suite(.timeLimit(.minutes(1))) struct ScriptParameterTests {
  static let script = """
    #!/usr/bin/env dsh
    # Prints its bound parameters.
    $ended = (revoke-others --yes | get closed)
    print "ended at top level: $ended"
    def main [user, --days = 30, --report] {
      print "user=$user days=$days report=$report"
    }

    """

  /// The script in a fresh file; the caller removes it.
  static func writeScript() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-main-\(UUID().uuidString).dsh").path
    try Data(script.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func theArgumentsAfterTheFileAreBoundToMain() async throws {
    let path = try Self.writeScript()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await Binaries.run(Binaries.dsh, ["--demo", path, "alice", "--days", "7", "--report"])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.hasSuffix("user=alice days=7 report=true\n"), "stdout: \(result.stdout)")
  }

  @Test func defaultsApplyWhenFlagsAreLeftOut() async throws {
    let path = try Self.writeScript()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await Binaries.run(Binaries.dsh, ["--demo", path, "--days=3", "bob"])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.hasSuffix("user=bob days=3 report=false\n"), "stdout: \(result.stdout)")
  }

  @Test func helpAfterTheFilePrintsTheParametersAndRunsNothing() async throws {
    let path = try Self.writeScript()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await Binaries.run(Binaries.dsh, ["--demo", path, "--help"])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.hasPrefix("usage: dsh \(path) USER [--days N] [--report]\n"), "stdout: \(result.stdout)")
    #expect(result.stdout.contains("  --days          int, default 30\n"))
    #expect(!result.stdout.contains("ended at top level"))
  }

  @Test func aMissingArgumentExitsTwoAndSendsNothing() async throws {
    let path = try Self.writeScript()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let simulator = try SimulatorProcess(["--sessions-per-user", "3"])
    let client = try DocSpaceClient(
      configuration: PortalConfiguration(baseURL: URL(string: simulator.url)!, credential: .none))
    _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
    let token = try #require(client.credential.loginToken)
    let before = try await client.activeConnections().items.count

    let result = try await Binaries.run(
      Binaries.dsh, [path], environment: ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token])
    #expect(result.code == 2)
    #expect(result.stderr.contains("error[E210]: \(path): missing argument USER"), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(try await client.activeConnections().items.count == before)
    await client.shutdown()
  }

  @Test func aMissingArgumentExitsTwoInTheDemo() async throws {
    let path = try Self.writeScript()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await Binaries.run(Binaries.dsh, ["--demo", path])
    #expect(result.code == 2)
    #expect(result.stderr.contains("missing argument USER"), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func anExtraArgumentExitsTwo() async throws {
    let path = try Self.writeScript()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await Binaries.run(Binaries.dsh, ["--demo", path, "a", "b"])
    #expect(result.code == 2)
    #expect(result.stderr.contains("unexpected argument 'b'"), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func anUnknownOptionAfterTheFileIsTheScriptsUsageError() async throws {
    let path = try Self.writeScript()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await Binaries.run(Binaries.dsh, ["--demo", path, "alice", "--dys", "7"])
    #expect(result.code == 2)
    #expect(result.stderr.contains("unknown option --dys"), "stderr: \(result.stderr)")
    #expect(result.stderr.contains("did you mean '--days'?"))
  }

  @Test func helpAfterDoubleDashIsAnArgument() async throws {
    let path = try Self.writeScript()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await Binaries.run(Binaries.dsh, ["--demo", path, "--", "--help"])
    #expect(result.stdout.hasSuffix("user=--help days=30 report=false\n"), "stdout: \(result.stdout)")
  }
}
