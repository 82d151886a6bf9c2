import DSHLanguage
import Foundation
import Testing

@testable import DSHShell
@testable import DocSpaceVerbs

/// `tour`: ten lessons that check what the learner typed, show the calls, and resume.
@Suite struct TourTests {
  static func stateDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dsh-tour-\(UUID().uuidString)").path
  }

  func drive(_ lines: [String], state: String) async throws -> TestShell {
    let shell = try await TestShell.start(
      interactive: true, confirm: { _ in true }, environment: ["XDG_STATE_HOME": state, "HOME": state])
    let reader = ScriptedReader(lines.map(LineInput.line))
    let driver = ReplDriver(session: shell.session, reader: reader, bridge: BlockingBridge(), showPrompts: true)
    _ = await ReplDriverTests.onOwnThread(driver)
    return shell
  }

  @Test func theFirstStepSaysWhatToType() async throws {
    let state = Self.stateDirectory()
    let shell = try await drive(["tour"], state: state)
    defer { Task { await shell.stop() } }
    #expect(shell.capture.stdout.contains("Tour, step 1 of 10: Your sessions"))
    #expect(shell.capture.stdout.contains("Try:\n  sessions"))
  }

  @Test func nextRefusesAStepNotDoneAndSaysWhatIsMissing() async throws {
    let state = Self.stateDirectory()
    let shell = try await drive(["tour", "tour next"], state: state)
    defer { Task { await shell.stop() } }
    #expect(shell.capture.stdout.contains("Step 1 is not done yet: list your sessions: type sessions."))
    #expect(!shell.capture.stdout.contains("step 2 of 10"))
  }

  @Test func aDoneStepShowsItsCallsAndTheNextStep() async throws {
    let state = Self.stateDirectory()
    let shell = try await drive(["tour", "sessions | count", "tour next"], state: state)
    defer { Task { await shell.stop() } }
    #expect(shell.capture.stdout.contains("Step 1 done. The calls behind it"))
    #expect(shell.capture.stdout.contains("  GET /api/2.0/security/activeconnections"))
    #expect(shell.capture.stdout.contains("Tour, step 2 of 10: Filter and pick"))
  }

  @Test func theTourResumesInTheNextShell() async throws {
    let state = Self.stateDirectory()
    let first = try await drive(["sessions", "tour next"], state: state)
    await first.stop()
    let second = try await drive(["tour"], state: state)
    defer { Task { await second.stop() } }
    #expect(second.capture.stdout.contains("Tour, step 2 of 10"))
  }

  @Test func aStepNumberJumpsAndResetStartsAgain() async throws {
    let state = Self.stateDirectory()
    let shell = try await drive(["tour 8", "tour reset"], state: state)
    defer { Task { await shell.stop() } }
    #expect(shell.capture.stdout.contains("Tour, step 8 of 10: The Bearer-versus-cookie trap"))
    #expect(shell.capture.stdout.hasSuffix("Then: tour next\n"))
    #expect(shell.capture.stdout.components(separatedBy: "Tour, step 1 of 10").count == 2)
  }

  @Test func aStepOutOfRangeIsAUsageError() async throws {
    let state = Self.stateDirectory()
    let shell = try await drive(["tour 11"], state: state)
    defer { Task { await shell.stop() } }
    #expect(shell.capture.stderr.contains("tour takes next, back, reset or a step from 1 to 10, not 11"))
  }

  @Test func theWholeTourCanBeFollowedToTheEnd() async throws {
    let state = Self.stateDirectory()
    // Every step's suggestions, as a learner would type them, then `tour next`.
    let lines = TourSteps.all.flatMap { $0.tryThis + ["tour next"] }
    let learner = try await drive(lines, state: state)
    defer { Task { await learner.stop() } }
    for step in 1...10 { #expect(learner.capture.stdout.contains("Step \(step) done"), "step \(step)") }
    #expect(learner.capture.stdout.contains("the tour is over"), "\(learner.capture.stderr)")
    let saved = try String(contentsOfFile: state + "/tour.dsh", encoding: .utf8)
    #expect(saved.contains("revoke-user user@example.com"))
  }
}
