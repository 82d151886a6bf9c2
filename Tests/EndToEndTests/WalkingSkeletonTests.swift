import DocSpaceAPI
import Foundation
import Testing

/// The design-card example, end to end: real binaries, real HTTP over loopback.
@Suite struct WalkingSkeletonTests {
  static let ownerId = "66faa6e4-f133-11ea-b126-00ffeec8b4ef"

  func signIn(_ url: String, as email: String = "owner@example.com") async throws -> DocSpaceClient {
    let client = try DocSpaceClient(configuration: PortalConfiguration(baseURL: URL(string: url)!, credential: .none))
    _ = try await client.signIn(userName: email, password: "demo-password")
    return client
  }

  @Test func theTwoLineProgramEndsExactlyOneSession() async throws {
    let simulator = try SimulatorProcess(["--sessions-per-user", "3"])
    let client = try await signIn(simulator.url)
    let token = try #require(await client.credential.loginToken)
    let before = try await client.activeConnections().items.map(\.id)

    let program = """
      $s = sessions | where userId == "\(Self.ownerId)" and not current
      revoke $s[0]
      """
    let result = try Binaries.run(Binaries.dsh, ["-c", program], environment: ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token])

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
    let token = try #require(await client.credential.loginToken)
    let before = try await client.activeConnections().items.count

    let program = "revoke (sessions | where not current)\n$s = sessions | where (userId == \"x\"\n"
    let result = try Binaries.run(Binaries.dsh, ["-c", program], environment: ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token])

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
