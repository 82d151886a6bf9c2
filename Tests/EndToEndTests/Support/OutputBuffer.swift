import Foundation

/// Everything read from one pipe, collected on a thread of its own so the writer never
/// blocks and the test can look at it while the program runs.
final class OutputBuffer: @unchecked Sendable {
  private let condition = NSCondition()
  private var data = Data()
  private var closed = false

  func drain(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        condition.withLock { data.append(chunk) }
      }
      condition.withLock {
        closed = true
        condition.broadcast()
      }
    }
  }

  var text: String { condition.withLock { String(decoding: data, as: UTF8.self) } }
  var isClosed: Bool { condition.withLock { closed } }

  /// Blocks until the writer closes the pipe, then returns all it wrote.
  func waitForEnd() -> String {
    condition.withLock {
      while !closed { condition.wait() }
      return String(decoding: data, as: UTF8.self)
    }
  }
}
