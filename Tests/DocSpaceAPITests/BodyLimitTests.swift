import DocSpaceAPI
import Foundation
import Testing

/// An answer's body is capped at 16 MiB.
@Suite(.timeLimit(.minutes(1))) struct BodyLimitTests {
  @Test(arguments: [true, false])
  func anEndlessBodyIsTooLarge(chunked: Bool) async throws {
    try await withPeer(.endlessBody(chunked: chunked)) { portal in
      // Reading 16 MiB must not race the deadline on a loaded machine.
      let error = try await withClient(of: portal, deadline: 30) { client in
        await failure { try await client.raw(method: "GET", path: "/api/2.0/people", body: nil) }
      }
      guard let error else { return }
      guard case .tooLarge(_, let limit) = error else {
        Issue.record("expected .tooLarge, got \(error): \(error.message)")
        return
      }
      #expect(limit == 16 * 1024 * 1024)
      #expect(error.message.contains("larger than 16 MiB"), "\(error.message)")
      expectPlainWords(error.message)
    }
  }
}
