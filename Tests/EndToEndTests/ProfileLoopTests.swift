import Foundation
import Testing

/// `for $p in (profiles) { connect --profile $p.name; … }` in a script run by the real
/// binary: each iteration talks to its own portal.
@Suite(.timeLimit(.minutes(1))) struct ProfileLoopTests {
  @Test func eachIterationOfAProfileLoopTalksToItsOwnPortal() async throws {
    let first = try SimulatorProcess(["--sessions-per-user", "2"])
    let second = try SimulatorProcess(["--sessions-per-user", "5"])
    let firstToken = try await WalkingSkeletonTests().signInToken(first.url, as: "admin@example.com")
    let secondToken = try await WalkingSkeletonTests().signInToken(second.url, as: "user@example.com")
    let home = try MultiProfileRunTests.config([("first", first.url, firstToken), ("second", second.url, secondToken)])
    let script = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-loop-\(UUID().uuidString).dsh")
    try """
    for $p in (profiles) {
      connect --profile $p.name
      whoami | get email | print
      sessions | count | print
    }
    """.write(to: script, atomically: true, encoding: .utf8)
    let result = try await Binaries.run(Binaries.dsh, [script.path], environment: ["XDG_CONFIG_HOME": home])
    #expect(result.code == 0, "\(result.stderr)")
    // What each portal itself says its caller's sessions are.
    let firstCount = try await PortalProbe(url: first.url).connections(.loginToken(firstToken)).ids.count
    let secondCount = try await PortalProbe(url: second.url).connections(.loginToken(secondToken)).ids.count
    #expect(firstCount != secondCount)
    #expect(result.stdout == "admin@example.com\n\(firstCount)\nuser@example.com\n\(secondCount)\n", "\(result.stderr)")
  }
}
