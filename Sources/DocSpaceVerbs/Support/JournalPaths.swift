import Foundation

/// Where the journal lives: `journal.jsonl` in dsh's state directory (`StatePaths`), and the
/// one older file it is rotated into when it grows large.
struct JournalPaths: Sendable {
  let current: String?

  /// Past this size the journal is moved to `journal.1.jsonl` (replacing an older one)
  /// when the next run starts, so it never grows without bound.
  static let rotationBytes: UInt64 = 32 * 1024 * 1024

  init(environment: [String: String]) {
    current = StatePaths(environment: environment).journal
  }

  var previous: String? { current.map { ($0 as NSString).deletingPathExtension + ".1.jsonl" } }

  /// Both files, oldest first.
  var all: [String] { [previous, current].compactMap { $0 } }

  func rotateIfLarge() {
    guard let current, let previous,
      let size = (try? FileManager.default.attributesOfItem(atPath: current))?[.size] as? UInt64,
      size > Self.rotationBytes
    else { return }
    rename(current, previous)
  }
}
