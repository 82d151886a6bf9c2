import Foundation
import Synchronization

/// The calls a session sent or planned, oldest first, for `curl` and `curl --all`: each as
/// the request (never a secret) with where it went and how it was authenticated.
public final class CallLog: Sendable {
  /// One logged call: the request, whether it was only planned, and where it went.
  public struct Entry: Sendable {
    /// The request (without secrets).
    public var request: APIRequest
    /// Held back by a dry run: planned, never sent.
    public var planned: Bool
    var baseURL: URL
    var credential: CurlCommand.Auth

    /// The call as a `curl` command, the token in `$DOCSPACE_TOKEN`, a password in `$DOCSPACE_PASSWORD`.
    public var curl: String { CurlCommand(request: request, auth: credential, baseURL: baseURL).text }
  }

  /// The most entries kept; older ones are dropped.
  public static let capacity = 1000
  private let entries = Mutex(Ring())

  /// An empty log.
  public init() {}

  func append(_ request: APIRequest, planned: Bool, baseURL: URL, credential: Credential) {
    let entry = Entry(request: request, planned: planned, baseURL: baseURL, credential: CurlCommand.Auth(credential))
    entries.withLock { $0.append(entry) }
  }

  /// Every entry kept, oldest first.
  public var all: [Entry] { entries.withLock { $0.inOrder } }
  /// The newest entry; nil before the first call.
  public var last: Entry? { entries.withLock { $0.last } }

  /// The latest `capacity` entries: once full, each new one takes the oldest one's slot, so
  /// that a bulk run of thousands of calls does not shift a thousand entries per call.
  private struct Ring {
    var slots: [Entry] = []
    /// The oldest entry's slot once the ring is full (and so the next one to be replaced).
    var oldest = 0

    mutating func append(_ entry: Entry) {
      if slots.count < CallLog.capacity {
        slots.append(entry)
      } else {
        slots[oldest] = entry
        oldest = (oldest + 1) % slots.count
      }
    }

    var inOrder: [Entry] { Array(slots[oldest...] + slots[..<oldest]) }
    var last: Entry? { slots.isEmpty ? nil : slots[(oldest + slots.count - 1) % slots.count] }
  }
}
