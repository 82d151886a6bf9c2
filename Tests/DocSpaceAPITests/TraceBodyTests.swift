import DocSpaceAPI
import Foundation
import Synchronization
import Testing

/// `set trace full`'s bodies: pretty JSON as sent and received, with every secret replaced.
@Suite(.timeLimit(.minutes(1))) struct TraceBodyTests {
  static let password = "hunter2-Secret!"

  /// Signs in against a peer answering `reply`, tracing with or without bodies; the events.
  private func traceSignIn(_ reply: PeerReply, bodies: Bool) async throws -> [TraceEvent] {
    let events = Mutex<[TraceEvent]>([])
    try await withPeer(reply) { portal in
      _ = try await withClient(of: portal, credential: .none) { client in
        let traced = client.with(
          RequestOptions(trace: { event in events.withLock { $0.append(event) } }, traceBodies: bodies))
        _ = try? await traced.signIn(userName: "ann@example.com", password: Self.password)
      }
    }
    return events.withLock { $0 }
  }

  @Test func theRequestBodyIsPrettyJSONWithThePasswordReplaced() async throws {
    let event = try #require(try await traceSignIn(.envelope(Fixtures.authToken), bodies: true).first)
    let body = try #require(event.requestBody)
    #expect(!body.contains(Self.password))
    #expect(body.contains(#""password" : "***""#), "\(body)")
    #expect(body.contains(#""userName" : "ann@example.com""#), "\(body)")
    #expect(body.contains("\n"))
  }

  @Test func theResponseBodyShowsItsFieldsWithTheTokenReplaced() async throws {
    let event = try #require(try await traceSignIn(.envelope(Fixtures.authToken), bodies: true).first)
    let body = try #require(event.responseBody)
    #expect(!body.contains("signed-in-token"), "\(body)")
    #expect(body.contains(#""token" : "***""#), "\(body)")
    #expect(body.contains(#""expires" : "2026-12-31T00:00:00.0000000Z""#), "\(body)")
    #expect(body.contains(#""statusCode" : 200"#), "\(body)")
  }

  @Test func aFailedSignInsBodiesAreShownToo() async throws {
    let reply = PeerReply.json(#"{"error":{"message":"User authentication failed"}}"#, status: 401)
    let event = try #require(try await traceSignIn(reply, bodies: true).first)
    #expect(event.status == 401)
    #expect(event.responseBody?.contains("User authentication failed") == true)
    #expect(event.requestBody?.contains(Self.password) == false)
  }

  @Test func anAnswerThatIsNotJSONIsDescribedNotShown() async throws {
    let reply = PeerReply.answer(status: 200, headers: ["Content-Type: text/html"], body: Array("<html>".utf8))
    let event = try #require(try await traceSignIn(reply, bodies: true).first)
    #expect(event.responseBody == "(6 bytes, not JSON)")
  }

  @Test func theOneLineTraceCarriesNoBodies() async throws {
    let event = try #require(try await traceSignIn(.envelope(Fixtures.authToken), bodies: false).first)
    #expect(event.requestBody == nil)
    #expect(event.responseBody == nil)
  }
}
