import Foundation

/// Which step of the tour a person is on, kept in `$XDG_STATE_HOME/dsh/tour` so that a
/// tour left in one shell goes on in the next.
struct TourProgress: Sendable {
  let path: String?

  init(environment: [String: String]) {
    path = StatePaths(environment: environment).tour
  }

  /// The current step, 1-based; 1 when nothing is saved.
  func load() -> Int {
    guard let path, let data = FileManager.default.contents(atPath: path), data.count < 64,
      let step = Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    else { return 1 }
    return min(max(step, 1), TourSteps.all.count + 1)
  }

  func save(_ step: Int) {
    guard let path else { return }
    try? FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    _ = FileManager.default.createFile(
      atPath: path, contents: Data("\(step)\n".utf8), attributes: [.posixPermissions: 0o600])
  }
}
