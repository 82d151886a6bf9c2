import DocSpaceAPI
import Foundation
import Testing

/// How dsh takes a token on its command line: from a file only its owner can read, from
/// standard input, never echoed back when it is unusable; and what a usage error exits with.
@Suite struct CredentialInputTests {
  func token(_ url: String) async throws -> String {
    let client = try DocSpaceClient(
      configuration: PortalConfiguration(baseURL: try #require(URL(string: url)), credential: .none))
    _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
    let token = client.credential.loginToken ?? ""
    await client.shutdown()
    return token
  }

  func tokenFile(_ token: String, mode: Int) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-token-\(UUID().uuidString)").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data((token + "\n").utf8)))
    chmod(path, mode_t(mode))
    return path
  }

  @Test func aTokenFileOnlyItsOwnerCanReadSignsIn() async throws {
    let simulator = try SimulatorProcess()
    let file = try tokenFile(try await token(simulator.url), mode: 0o600)
    let result = try await Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "--token-file", file, "-c", "whoami | get email"])
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test func aTokenFileOthersCanReadIsRefusedBeforeAnythingIsSent() async throws {
    let simulator = try SimulatorProcess()
    let file = try tokenFile(try await token(simulator.url), mode: 0o644)
    let result = try await Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "--token-file", file, "-c", "whoami"])
    #expect(result.code == 2)
    #expect(result.stderr.contains("can be read by others"))
    #expect(result.stderr.contains("chmod 600"))
  }

  @Test func aDashReadsTheTokenFromStandardInput() async throws {
    let simulator = try SimulatorProcess()
    let token = try await token(simulator.url)
    let result = try await Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "--token", "-", "-c", "whoami | get email"], stdin: token + "\n")
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test func aTokenWithALineBreakInsideIsRefusedByPositionNeverEchoed() async throws {
    let simulator = try SimulatorProcess()
    let secret = "SECRETPART1\r\nX-Injected: yes"
    let result = try await Binaries.run(
      Binaries.dsh, ["-c", "whoami"], environment: ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": secret])
    #expect(result.code == 2)
    #expect(result.stderr.contains("position 12"))
    #expect(!result.stderr.contains("SECRETPART1"))
    #expect(!result.stderr.contains("X-Injected"))
  }

  @Test(arguments: [["--output", "xml", "-c", "1"], ["--no-such-flag"], ["-c", "1", "script.dsh"]])
  func aCommandLineUsageErrorExitsTwo(_ arguments: [String]) async throws {
    let result = try await Binaries.run(Binaries.dsh, arguments)
    #expect(result.code == 2, "\(result.stderr)")
    #expect(!result.stderr.isEmpty)
  }

  @Test(arguments: ["http://127.0.0.1:70000", "http://127.0.0.1:0", "https://user:pw@example.com", "ftp://x"])
  func aBadPortalURLIsAUsageErrorThatSaysWhy(_ url: String) async throws {
    let result = try await Binaries.run(Binaries.dsh, ["--portal", url, "-c", "whoami"])
    #expect(result.code == 2, "\(result.stderr)")
    #expect(result.stderr.contains("is not a portal URL"))
  }
}
