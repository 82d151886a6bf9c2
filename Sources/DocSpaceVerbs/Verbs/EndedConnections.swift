import DSHLanguage
import DocSpaceAPI
import Foundation

/// What this shell's journal shows as ended on one portal: connections that `revoke` closed
/// (or found not active), and users whose every session `revoke-user` ended at some time,
/// which ends every sign-in of theirs before it.
struct EndedConnections {
  private var connections: Set<Int> = []
  /// A user id or email, lower-cased, and the latest time all of the user's sessions ended.
  private var users: [String: Date] = [:]

  init(paths: JournalPaths, portal: String) {
    var portals: [String: String] = [:]
    for line in JournalReader(paths: paths).lines {
      if line.type == .start { portals[line.run] = line.portal ?? "" }
      guard line.type == .outcome, let target = line.target, line.outcome == .closed || line.outcome == .notActive,
        (line.portal ?? portals[line.run] ?? "") == portal
      else { continue }
      switch target {
      case .connection(let id): connections.insert(id)
      case .user(let key):
        guard line.outcome == .closed, let time = DateText.parse(line.time) else { continue }
        users[key.lowercased()] = max(users[key.lowercased()] ?? time, time)
      }
    }
  }

  func contains(_ event: LoginEvent, email: String?) -> Bool {
    if connections.contains(event.id) { return true }
    return [event.userId, email].compactMap { $0?.lowercased() }.contains { key in
      users[key].map { event.date <= $0 } ?? false
    }
  }
}
