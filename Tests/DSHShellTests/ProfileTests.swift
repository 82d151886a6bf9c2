import DSHLanguage
import DSHShell
import Foundation
import Testing

/// Named portals: saved on request in a 0600 file, used with connect --profile.
@Suite struct ProfileTests {
  func configHome() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dsh-config-\(UUID().uuidString)").path
  }

  @Test func aSavedProfileConnectsAgainWithoutAPassword() async throws {
    let config = configHome()
    let shell = try await TestShell.start(
      as: nil, environment: ["XDG_CONFIG_HOME": config, "DOCSPACE_PASSWORD": "demo-password"])
    #expect(
      await shell.run("connect \(shell.simulator.url) --user admin@example.com --save work").code == 0,
      "\(shell.capture.stderr)")
    let tokenFile = config + "/dsh/work.token"
    let attributes = try FileManager.default.attributesOfItem(atPath: tokenFile)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(await shell.run("connect --profile work; whoami | get email").code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout.hasSuffix("admin@example.com\n"))
    #expect(await shell.session.portal.label == "work")
    await shell.stop()
  }

  @Test func disconnectEndsTheConnectionASavedTokenStandsFor() async throws {
    let config = configHome()
    let shell = try await TestShell.start(
      as: nil, environment: ["XDG_CONFIG_HOME": config, "DOCSPACE_PASSWORD": "demo-password"])
    await shell.run("connect \(shell.simulator.url) --user admin@example.com --save work")
    #expect(await shell.run("disconnect").code == 0)
    #expect(await shell.run("connect --profile work").code == 4)
    #expect(shell.capture.stderr.contains("not signed in, or the token was ended"))
    await shell.stop()
  }

  @Test func aTokenFileOthersCanReadIsRefused() async throws {
    let config = configHome()
    let shell = try await TestShell.start(
      as: nil, environment: ["XDG_CONFIG_HOME": config, "DOCSPACE_PASSWORD": "demo-password"])
    await shell.run("connect \(shell.simulator.url) --user user@example.com --save mine")
    chmod(config + "/dsh/mine.token", 0o644)
    #expect(await shell.run("connect --profile mine").code == 4)
    #expect(shell.capture.stderr.contains("can be read by others"))
    #expect(shell.capture.stderr.contains("chmod 600"))
    await shell.stop()
  }

  @Test func aMistypedProfileNameGetsASuggestion() async throws {
    let config = configHome()
    try FileManager.default.createDirectory(atPath: config + "/dsh", withIntermediateDirectories: true)
    try "[work]\nportal = https://work.example.com\ntoken-env = WORK_TOKEN\n".write(
      toFile: config + "/dsh/config", atomically: true, encoding: .utf8)
    let shell = try await TestShell.start(as: nil, environment: ["XDG_CONFIG_HOME": config])
    await shell.run("connect --profile wrok")
    #expect(shell.capture.stderr.contains("did you mean 'work'?"))
    await shell.run("connect --profile work")
    #expect(shell.capture.stderr.contains("$WORK_TOKEN, which is not set"))
    await shell.stop()
  }

  @Test func aConfigFileWithWindowsLineEndingsIsRead() async throws {
    let config = configHome()
    try FileManager.default.createDirectory(atPath: config + "/dsh", withIntermediateDirectories: true)
    try "[work]\r\nportal = https://work.example.com\r\ntoken-env = WORK_TOKEN\r\n".write(
      toFile: config + "/dsh/config", atomically: true, encoding: .utf8)
    let shell = try await TestShell.start(as: nil, environment: ["XDG_CONFIG_HOME": config])
    await shell.run("connect --profile work")
    #expect(shell.capture.stderr.contains("$WORK_TOKEN, which is not set"))
    await shell.stop()
  }

  @Test(arguments: ["../evil", "a/b", ".hidden", "two\nlines", ""])
  func aProfileNameThatIsNoPlainNameIsRefused(_ name: String) async throws {
    let config = configHome()
    let shell = try await TestShell.start(
      as: nil, environment: ["XDG_CONFIG_HOME": config, "DOCSPACE_PASSWORD": "demo-password"])
    let outcome = await shell.run(
      "connect \(shell.simulator.url) --user admin@example.com --save \(DSHLanguage.Value.string(name).sourceText)")
    #expect(outcome.code == 1)
    #expect(shell.capture.stderr.contains("cannot name a profile"))
    #expect(!FileManager.default.fileExists(atPath: config + "/dsh/config"))
    await shell.stop()
  }

  @Test func aFailedConnectKeepsTheWorkingConnection() async throws {
    let shell = try await TestShell.start(environment: ["DOCSPACE_PASSWORD": "wrong-password"])
    #expect(await shell.run("connect \(shell.simulator.url) --user admin@example.com").code == 4)
    #expect(await shell.run("whoami | get email").code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout.hasSuffix("owner@example.com\n"))
    #expect(await shell.run("connect http://127.0.0.1:1 --token abc").code == 4)
    #expect(await shell.run("whoami | get email").code == 0)
    await shell.stop()
  }
}
