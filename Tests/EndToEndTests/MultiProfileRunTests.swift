import Foundation
import Testing

/// `dsh --profile a,b,c FILE`: the real binary, two simulators, one config with a profile
/// per portal (tokens in 0600 files).
@Suite(.timeLimit(.minutes(1))) struct MultiProfileRunTests {
  /// A fresh XDG_CONFIG_HOME whose dsh/config names one profile per (name, portal, token).
  static func config(_ profiles: [(name: String, portal: String, token: String)]) throws -> String {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-multi-\(UUID().uuidString)")
    let directory = home.appendingPathComponent("dsh")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var text = ""
    for profile in profiles {
      let file = directory.appendingPathComponent("\(profile.name).token").path
      #expect(
        FileManager.default.createFile(
          atPath: file, contents: Data(profile.token.utf8), attributes: [.posixPermissions: 0o600]))
      text += "[\(profile.name)]\nportal = \(profile.portal)\ntoken-file = \(file)\n"
    }
    try text.write(to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
    return home.path
  }

  /// The summary's line for `profile` (after the "dsh: N profiles:" line).
  static func summaryLine(_ stderr: String, _ profile: String) -> String? {
    let lines = stderr.split(separator: "\n").map(String.init)
    guard let start = lines.lastIndex(where: { $0.hasPrefix("dsh: ") && $0.hasSuffix(" profiles:") }) else {
      return nil
    }
    return lines[(start + 1)...].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(profile + " ") }
  }

  /// Two simulators, the first signed in as admin, the second as user.
  static func twoPortals() async throws -> (SimulatorProcess, SimulatorProcess, String) {
    let first = try SimulatorProcess()
    let second = try SimulatorProcess()
    let home = try config([
      ("first", first.url, try await WalkingSkeletonTests().signInToken(first.url, as: "admin@example.com")),
      ("second", second.url, try await WalkingSkeletonTests().signInToken(second.url, as: "user@example.com")),
    ])
    return (first, second, home)
  }

  @Test func aProgramRunsOncePerProfileEachSignedInToItsOwnPortal() async throws {
    let (first, second, home) = try await Self.twoPortals()
    let result = try await Binaries.run(
      Binaries.dsh, ["--profile", "first,second", "-c", "whoami | get email"], environment: ["XDG_CONFIG_HOME": home])
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout == "admin@example.com\nuser@example.com\n", "\(result.stderr)")
    let firstLine = try #require(Self.summaryLine(result.stderr, "first"), "\(result.stderr)")
    #expect(firstLine.contains(first.url) && firstLine.contains("exit 0") && firstLine.hasSuffix("ok"))
    let secondLine = try #require(Self.summaryLine(result.stderr, "second"), "\(result.stderr)")
    #expect(secondLine.contains(second.url) && secondLine.contains("exit 0") && secondLine.hasSuffix("ok"))
  }

  @Test func anUnreachablePortalExitsFourAndTheNextProfileStillRuns() async throws {
    let live = try SimulatorProcess()
    let home = try Self.config([
      ("dead", "http://127.0.0.1:1", "0123456789abcdef-unused"),
      ("live", live.url, try await WalkingSkeletonTests().signInToken(live.url, as: "admin@example.com")),
    ])
    let script = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-multi-\(UUID().uuidString).dsh")
    try "whoami | get email\n".write(to: script, atomically: true, encoding: .utf8)
    let result = try await Binaries.run(
      Binaries.dsh, ["--profile", "dead,live", script.path], environment: ["XDG_CONFIG_HOME": home])
    #expect(result.code == 4, "\(result.stderr)")
    #expect(result.stdout == "admin@example.com\n", "\(result.stderr)")
    let dead = try #require(Self.summaryLine(result.stderr, "dead"), "\(result.stderr)")
    #expect(dead.contains("http://127.0.0.1:1") && dead.contains("exit 4") && dead.hasSuffix("unreachable"))
    let alive = try #require(Self.summaryLine(result.stderr, "live"), "\(result.stderr)")
    #expect(alive.contains(live.url) && alive.contains("exit 0") && alive.hasSuffix("ok"))
  }

  @Test func theExitStatusIsTheHighestOfTheRuns() async throws {
    let (first, second, home) = try await Self.twoPortals()
    // Only user@example.com (the second portal) fails: an error, exit 1, beats the first's 0.
    let program = "if (whoami | get email) == 'user@example.com' { exit 1 }; print done"
    let result = try await Binaries.run(
      Binaries.dsh, ["--profile", "first,second", "-c", program], environment: ["XDG_CONFIG_HOME": home])
    #expect(result.code == 1, "\(result.stderr)")
    #expect(result.stdout == "done\n", "\(result.stderr)")
    #expect(Self.summaryLine(result.stderr, "second")?.hasSuffix("failed") == true, "\(result.stderr)")
    withExtendedLifetime((first, second)) {}
  }

  @Test func oneProfileRunsAsBeforeWithoutASummary() async throws {
    let (first, second, home) = try await Self.twoPortals()
    let result = try await Binaries.run(
      Binaries.dsh, ["--profile", "second", "-c", "whoami | get email"], environment: ["XDG_CONFIG_HOME": home])
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout == "user@example.com\n")
    #expect(!result.stderr.contains("profiles:"), "\(result.stderr)")
    withExtendedLifetime((first, second)) {}
  }

  @Test func severalProfilesRefuseTheInteractiveShell() async throws {
    let result = try await Binaries.run(Binaries.dsh, ["--profile", "a,b"], environment: [:])
    #expect(result.code == 2)
    #expect(result.stderr.contains("several profiles run a FILE or -c CODE"), "\(result.stderr)")
  }
}
