import DSHLanguage
import Foundation

/// A local, append-only record of destructive actions: one JSON object a line in
/// `$XDG_STATE_HOME/dsh/journal.jsonl` (mode 0600). Never holds a token.
struct Journal: Sendable {
  let path: String?

  init(environment: [String: String]) {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      path = state + "/dsh/journal.jsonl"
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      path = home + "/.local/state/dsh/journal.jsonl"
    } else {
      path = nil
    }
  }

  func append(_ entry: Record) {
    guard let path else { return }
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let line = JSON.encode(.record(entry), indent: nil) + "\n"
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    _ = line.withCString { write(descriptor, $0, strlen($0)) }
  }

  func entries() -> [Value] {
    guard let path, let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { try? JSON.parse(String($0)) }
  }
}

extension PortalConnection {
  /// Records a destructive verb's outcome: when, where, who, what, and how each target ended.
  func journal(verb: String, results: Value) async {
    if me == nil, let client { _ = try? await currentUser(client) }
    var entry = Record(kind: "journal")
    entry["time"] = .string(DateText.format(Date()))
    entry["portal"] = .string(client?.configuration.baseURL.absoluteString ?? "")
    entry["caller"] = .string(me?.email ?? "")
    entry["verb"] = .string(verb)
    entry["results"] = results
    Journal(environment: environment).append(entry)
  }
}
