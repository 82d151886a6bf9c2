import DSHLanguage
import DocSpaceAPI

/// Collects the requests a dry run's changes would send, instead of sending them.
///
/// The client decides what is held back (every mutating call of a client whose options say dry run
/// is planned, not sent); a verb calls its changes as usual, collects the requests the client
/// planned, and returns them as its result.
enum DryRun {
  /// Runs a change the client is to plan: the request it planned instead of sending.
  static func plan(_ change: () async throws(APIError) -> Void) async throws -> APIRequest {
    do throws(APIError) {
      try await change()
    } catch {
      if case .refusedInDryRun(let request) = error { return request }
      throw CommandFailure(error)
    }
    throw CommandFailure(.api, "internal error: a dry run sent a change")
  }

  /// The planned requests as the verb's result: `request` records that `curl --all` also shows.
  static func value(_ requests: [APIRequest]) -> Value {
    .list(
      requests.map { request in
        .record(
          Record(
            kind: "request",
            fields: [("method", .string(request.method)), ("path", .string(request.path)), ("sent", .bool(false))]))
      })
  }
}
