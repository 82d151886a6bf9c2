import DocSpaceAPI
import Foundation
import Testing

/// Runs `body` with a fresh peer answering `replies`, and stops the peer after it.
func withPeer<T>(_ replies: PeerReply..., body: (HostilePeer) async throws -> T) async throws -> T {
  let peer = try HostilePeer(replies)
  do {
    let result = try await body(peer)
    await peer.stop()
    return result
  } catch {
    await peer.stop()
    throw error
  }
}

extension PortalConfiguration {
  /// A configuration for `url` with short backoff and two attempts.
  ///
  /// The deadline is generous, so that a test that is not about it does not race it on a loaded
  /// machine; `deadline` is the one for tests of the deadline.
  static func quick(
    _ url: URL, credential: Credential = .loginToken("peer-token"), deadline: Double = 60
  ) -> PortalConfiguration {
    var configuration = PortalConfiguration(baseURL: url, credential: credential)
    configuration.requestTimeout = deadline
    configuration.connectTimeout = min(deadline, 5)
    configuration.baseBackoff = 0.01
    configuration.maximumBackoff = 0.05
    configuration.maximumAttempts = 2
    return configuration
  }
}

/// Runs `body` with a real client of `url`, shut down after it.
func withClient<T>(
  _ configuration: PortalConfiguration, body: (DocSpaceClient) async throws -> T
) async throws -> T {
  let client = try DocSpaceClient(configuration: configuration)
  do {
    let result = try await body(client)
    await client.shutdown()
    return result
  } catch {
    await client.shutdown()
    throw error
  }
}

/// Runs `body` with a real client of `peer`.
func withClient<T>(
  of peer: HostilePeer, credential: Credential = .loginToken("peer-token"), deadline: Double = 60,
  body: (DocSpaceClient) async throws -> T
) async throws -> T {
  try await withClient(.quick(peer.url, credential: credential, deadline: deadline), body: body)
}

/// The `APIError` that `call` threw; nil (and an issue) when it succeeded or threw another error.
func failure<T>(of call: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> APIError? {
  do {
    let value = try await call()
    Issue.record("expected an error, got \(value)", sourceLocation: sourceLocation)
  } catch let error as APIError {
    return error
  } catch {
    Issue.record("expected an APIError, got \(error)", sourceLocation: sourceLocation)
  }
  return nil
}

/// Internal names of the HTTP stack that must never reach a user.
let typeNameFragments = ["HTTPClientError", "NIO", "remoteConnectionClosed", "Error(", "SSL"]

/// Records an issue for every internal type name in `message`.
func expectPlainWords(
  _ message: String, allowing allowed: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
) {
  for fragment in typeNameFragments where !allowed.contains(fragment) {
    #expect(!message.contains(fragment), "message names \(fragment): \(message)", sourceLocation: sourceLocation)
  }
}
