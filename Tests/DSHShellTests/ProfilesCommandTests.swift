import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

/// `profiles`: the configured portals, where each credential comes from, never the credential.
@Suite struct ProfilesCommandTests {
  /// A fresh XDG_CONFIG_HOME holding `config` as dsh/config.
  func configHome(_ config: String) throws -> String {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-config-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: home + "/dsh", withIntermediateDirectories: true)
    try config.write(toFile: home + "/dsh/config", atomically: true, encoding: .utf8)
    return home
  }

  func loginToken(_ simulator: SimulatorServer, as email: String) async throws -> String {
    let client = try DocSpaceClient(
      configuration: PortalConfiguration(baseURL: try #require(URL(string: simulator.url)), credential: .none))
    _ = try await client.signIn(userName: email, password: "demo-password")
    let token = client.credential.loginToken ?? ""
    await client.shutdown()
    return token
  }

  @Test func profilesSaysWhereEachCredentialComesFromAndNeverShowsIt() async throws {
    let home = try configHome(
      """
      [work]
      portal = https://work.example.com
      token-env = WORK_TOKEN
      [school]
      portal = https://school.example.com
      token-file = /etc/dsh/school.token
      [lab]
      portal = https://lab.example.com
      user = admin@example.com
      """)
    let shell = try await TestShell.start(
      as: nil, environment: ["XDG_CONFIG_HOME": home, "WORK_TOKEN": "secret-work-token"])
    let outcome = await shell.run("set output json; profiles")
    #expect(outcome.code == 0, "\(shell.capture.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(shell.capture.stdout.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["name"] as? String } == ["work", "school", "lab"])
    #expect(rows.map { $0["portal"] as? String }.first == "https://work.example.com")
    #expect(
      rows.map { $0["credential"] as? String } == [
        "$WORK_TOKEN (set)", "token file /etc/dsh/school.token", "password for admin@example.com",
      ])
    #expect(!shell.capture.stdout.contains("secret-work-token"))
    await shell.stop()
  }

  @Test func withoutAConfigFileThereAreNoProfiles() async throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-none-\(UUID().uuidString)").path
    let shell = try await TestShell.start(as: nil, environment: ["XDG_CONFIG_HOME": home])
    #expect(await shell.run("profiles | count").code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout == "0\n")
    await shell.stop()
  }

  @Test func aScriptVisitsEveryProfiledPortalInTurn() async throws {
    var options = SimulatorOptions()
    options.port = 0
    let first = try await SimulatorServer.start(options)
    let second = try await SimulatorServer.start(options)
    let home = try configHome(
      """
      [first]
      portal = \(first.url)
      token-env = FIRST_TOKEN
      [second]
      portal = \(second.url)
      token-env = SECOND_TOKEN
      """)
    let tokens = [
      "FIRST_TOKEN": try await loginToken(first, as: "admin@example.com"),
      "SECOND_TOKEN": try await loginToken(second, as: "user@example.com"),
    ]
    let shell = try await TestShell.start(as: nil, environment: tokens.merging(["XDG_CONFIG_HOME": home]) { $1 })
    let outcome = await shell.run("for $p in (profiles) { connect --profile $p.name; whoami | get email | print }")
    #expect(outcome.code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout == "admin@example.com\nuser@example.com\n")
    await shell.stop()
    await first.stop()
    await second.stop()
  }
}
