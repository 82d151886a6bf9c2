import DocSpaceAPI
import Foundation
import Testing

/// An answer's body is capped at 16 MiB.
@Suite(.timeLimit(.minutes(3))) struct BodyLimitTests {
  @Test(arguments: [true, false])
  func anEndlessBodyIsTooLarge(chunked: Bool) async throws {
    try await withPeer(.endlessBody(chunked: chunked)) { portal in
      // Reading 16 MiB must not race the deadline: in a full run on two cores, with the rest
      // of the suite alongside, it took over 30 s. The deadline only bounds a hang.
      let error = try await withClient(of: portal, deadline: 150) { client in
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
