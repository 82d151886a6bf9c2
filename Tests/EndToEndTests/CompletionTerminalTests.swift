import DocSpaceAPI
import Foundation
import Testing

/// Tab on a slow portal, in a real terminal (tmux): the first Tab that needs emails starts a
/// fetch and gives the keyboard back; a later Tab offers what the fetch found.
@Suite(.serialized, .timeLimit(.minutes(2))) struct CompletionTerminalTests {
  @Test func aTabOnASlowPortalNeverHoldsTypingAndALaterTabOffersTheFetchedEmails() async throws {
    let simulator = try SimulatorProcess(["--latency", "2000"])
    let client = try DocSpaceClient(
      configuration: PortalConfiguration(baseURL: try #require(URL(string: simulator.url)), credential: .none))
    let token = try #require(try await client.signIn(userName: "owner@example.com", password: "demo-password").token)
    await client.shutdown()
    let terminal = try Tmux(
      command: [Binaries.dsh, "--portal", simulator.url], environment: ["DOCSPACE_TOKEN": token])
    #expect(await terminal.waitFor(30) { _ in terminal.cursorLine.hasSuffix(" owner> ") }, "\(terminal.screen)")

    // Each answer takes two seconds: had the Tab waited for the people list, it would have
    // completed the email before the Q arrived.
    try terminal.type("revoke-user us")
    try terminal.press("Tab")
    try terminal.type("Q")
    #expect(await terminal.waitFor { _ in terminal.cursorLine.hasSuffix("> revoke-user usQ") }, "\(terminal.screen)")
    #expect(!terminal.screen.contains("user@example.com"), "\(terminal.screen)")

    try terminal.press("BSpace")
    var completed = false
    for _ in 0..<20 where !completed {
      try terminal.press("Tab")
      completed = await terminal.waitFor(1) { _ in terminal.cursorLine.hasSuffix("> revoke-user user@example.com ") }
    }
    #expect(completed, "the fetched emails never reached Tab: \(terminal.screen)")
  }
}
