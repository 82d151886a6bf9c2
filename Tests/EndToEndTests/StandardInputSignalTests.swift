import Foundation
import Testing

/// While dsh waits for its program or its token on standard input, nothing is running,
/// so SIGTERM ends it at once, as it would end any other program.
@Suite struct StandardInputSignalTests {
  @Test(arguments: [["-"], ["--portal", "http://127.0.0.1:9", "--token", "-", "-c", "whoami"]])
  func sigtermEndsDshWaitingOnAnOpenPipe(_ arguments: [String]) async throws {
    let dsh = try BackgroundProcess(Binaries.dsh, arguments, environment: [:], keepingInputOpen: true)
    dsh.send(SIGTERM)
    let ending = try await dsh.finish(within: 20)
    #expect(ending == BackgroundProcess.Ending(status: SIGTERM, bySignal: true), "\(ending)")
  }
}
