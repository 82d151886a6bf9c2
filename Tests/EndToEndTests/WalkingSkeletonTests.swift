import DocSpaceAPI
import Foundation
import Testing

/// The design-card example, end to end: real binaries, real HTTP over loopback.
@Suite struct WalkingSkeletonTests {
  static let ownerId = "66faa6e4-f133-11ea-b126-00ffeec8b4ef"

  func signIn(_ url: String, as email: String = "owner@example.com") async throws -> DocSpaceClient {
    let client = try DocSpaceClient(
      configuration: PortalConfiguration(baseURL: try #require(URL(string: url)), credential: .none))
    _ = try await client.signIn(userName: email, password: "demo-password")
    return client
  }

  /// Signs in with a password; the login token for DOCSPACE_TOKEN.
  func signInToken(_ url: String, as email: String = "owner@example.com") async throws -> String {
    let client = try await signIn(url, as: email)
    let token = client.credential.loginToken ?? ""
    await client.shutdown()
    return token
  }

  @Test func theTwoLineProgramEndsExactlyOneSession() async throws {
    let simulator = try SimulatorProcess(["--sessions-per-user", "3"])
    let client = try await signIn(simulator.url)
    let token = try #require(client.credential.loginToken)
    let before = try await client.activeConnections().items.map(\.id)

    let program = """
      $s = sessions | where userId == "\(Self.ownerId)" and not current
      revoke $s[0]
      """
    let result = try await Binaries.run(
      Binaries.dsh, ["-c", program], environment: ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token])

    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("closed"))
    let after = try await client.activeConnections().items.map(\.id)
    #expect(Set(before).subtracting(after).count == 1)
    #expect(after.count == before.count - 1)
    await client.shutdown()
  }

  @Test func aSyntaxErrorShowsLineColumnAndCaretAndRunsNothing() async throws {
    let simulator = try SimulatorProcess()
    let client = try await signIn(simulator.url)
    let token = try #require(client.credential.loginToken)
    let before = try await client.activeConnections().items.count

    let program = "revoke (sessions | where not current)\n$s = sessions | where (userId == \"x\"\n"
    let result = try await Binaries.run(
      Binaries.dsh, ["-c", program], environment: ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token])

    #expect(result.code == 2)
    #expect(result.stderr.contains("--> <-c>:2:"))
    #expect(result.stderr.contains("^"))
    #expect(try await client.activeConnections().items.count == before)
    await client.shutdown()
  }

  @Test func simulatorPrintsExactlyTheListeningLine() throws {
    let simulator = try SimulatorProcess()
    #expect(simulator.url.hasPrefix("http://127.0.0.1:"))
    #expect(Int(simulator.url.split(separator: ":").last ?? "") ?? 0 > 0)
  }
}

/// Programs piped in or given as files, as a scheduler would run them.
@Suite struct NonInteractiveTests {
  /// Runs dsh with DOCSPACE_URL and DOCSPACE_TOKEN naming the owner on a fresh simulator.
  func runSignedIn(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) async throws
    -> Binaries.Result
  {
    let simulator = try SimulatorProcess()
    let token = try await WalkingSkeletonTests().signInToken(simulator.url)
    return try await Binaries.run(
      Binaries.dsh, arguments,
      environment: environment.merging(["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token]) { $1 }, stdin: stdin)
  }

  @Test func pipingAProgramPrintsOnlyItsOutput() async throws {
    let result = try await runSignedIn([], environment: ["TERM": "xterm"], stdin: "print 1\nsessions | count\n")
    #expect(result.stdout == "1\n4\n")
    #expect(result.stderr.isEmpty)
    #expect(!result.stdout.contains("\u{1B}"))
  }

  @Test func aScriptGetsItsArguments() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("args-\(UUID().uuidString).dsh")
    try "#!/usr/bin/env dsh\nprint ($args | count) $args[0]\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try await Binaries.run(Binaries.dsh, [file.path, "alpha", "beta"])
    #expect(result.stdout == "2 alpha\n")
    #expect(result.code == 0)
  }

  @Test func theProgramOnStandardInputIsParsedWhole() async throws {
    let result = try await Binaries.run(Binaries.dsh, ["-"], stdin: "print 1\nprint (\n")
    #expect(result.code == 2)
    #expect(result.stdout.isEmpty)
  }

  /// 0.0.0.0 reaches the local simulator but is not a loopback name, so plain http:// to it
  /// needs the flag.
  @Test func allowInsecureHttpOnTheCommandLineAppliesToConnect() async throws {
    let simulator = try SimulatorProcess()
    let token = try await WalkingSkeletonTests().signInToken(simulator.url)
    let url = simulator.url.replacingOccurrences(of: "127.0.0.1", with: "0.0.0.0")
    let program = "connect \(url)\nwhoami | get email"
    let refused = try await Binaries.run(Binaries.dsh, ["-c", program], environment: ["DOCSPACE_TOKEN": token])
    #expect(refused.code == 4)
    #expect(refused.stderr.contains("refusing plain http://"))
    let allowed = try await Binaries.run(
      Binaries.dsh, ["--allow-insecure-http", "-c", program], environment: ["DOCSPACE_TOKEN": token])
    #expect(allowed.code == 0, "stderr: \(allowed.stderr)")
    #expect(allowed.stdout == "owner@example.com\n")
  }

  @Test func pipedTablesKeepEveryColumnWhole() async throws {
    let result = try await runSignedIn(["-c", "sessions"], environment: ["COLUMNS": ""])
    #expect(result.stdout.hasPrefix("#  id    current  date "))
    #expect(result.stdout.split(separator: "\n").first?.hasSuffix("tenantId") == true)
    #expect(!result.stdout.contains("…"))
  }

  @Test func columnsNarrowsPipedOutputToOneBlockPerRecord() async throws {
    let result = try await runSignedIn(["-c", "sessions"], environment: ["COLUMNS": "60"])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("─[ 0 ]") == true)
    #expect(lines.contains { $0.hasPrefix("ip       │ ") })
    #expect(lines.allSatisfy { $0.count <= 60 })
    #expect(!result.stdout.contains("…") && !result.stdout.contains("not shown"))
  }

  @Test func aDryRunScriptChangesNothing() async throws {
    let simulator = try SimulatorProcess()
    let client = try await WalkingSkeletonTests().signIn(simulator.url)
    let token = try #require(client.credential.loginToken)
    let before = try await client.activeConnections().items.count
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("dry-\(UUID().uuidString).dsh")
    try "revoke (sessions | where not current)\nrevoke-others --yes\n".write(
      to: file, atomically: true, encoding: .utf8)
    let result = try await Binaries.run(
      Binaries.dsh, ["--dry-run", file.path], environment: ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token])
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.contains("/logout/"))
    #expect(try await client.activeConnections().items.count == before)
    await client.shutdown()
  }

  @Test func anUnreachablePortalExitsWithFour() async throws {
    let result = try await Binaries.run(
      Binaries.dsh, ["-c", "sessions"], environment: ["DOCSPACE_URL": "http://127.0.0.1:9", "DOCSPACE_TOKEN": "x"])
    #expect(result.code == 4)
    #expect(result.stderr.contains("connection refused"))
  }

  @Test func checkFindsProblemsWithoutRunning() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).dsh")
    try "$s = sessions | where userid == \"x\"\nrevoke $s --yess\nprint $undefined\n".write(
      to: file, atomically: true, encoding: .utf8)
    let result = try await Binaries.run(Binaries.dsh, ["check", file.path])
    #expect(result.code == 2)
    #expect(result.stderr.contains("no field 'userid' on a session"))
    #expect(result.stderr.contains("has no flag --yess"))
    #expect(result.stderr.contains("'$undefined' is not defined"))
  }
}
