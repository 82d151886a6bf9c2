import DSHLanguage
import DocSpaceVerbs
import Foundation
import Synchronization

/// The REPL's history for one portal: plain text, one entry a line (`\` and newline escaped), mode
/// 0600, written atomically, at most `limit` entries.
///
/// Lines that carry a secret are never stored. A class: the REPL, the `history` command and the
/// session see one store, which moves to another file when `connect` changes the portal.
public final class HistoryStore: Sendable {
  private let state: Mutex<(path: String, limit: Int)>

  /// A store writing to the file at `path`, keeping at most 1000 entries.
  public init(path: String) { state = Mutex((path, 1000)) }

  /// The file the history is read from and written to now (`follow` changes it).
  public var path: String { state.withLock { $0.path } }
  /// The most entries kept; adding one past it drops the oldest.
  public var limit: Int {
    get { state.withLock { $0.limit } }
    set { state.withLock { $0.limit = newValue } }
  }

  /// `$XDG_STATE_HOME/dsh/history-<portal>` (default `~/.local/state/dsh/`; without an absolute
  /// HOME, under the account's home directory).
  public static func forPortal(_ label: String, environment: [String: String]) -> HistoryStore {
    let paths = StatePaths(environment: environment, home: NSHomeDirectory())
    return HistoryStore(path: paths.history(label) ?? StatePaths.historyName(label))
  }

  /// The history of the portal at `url`: one per host and port.
  public static func forPortal(url: URL, environment: [String: String]) -> HistoryStore {
    forPortal(key(url), environment: environment)
  }

  /// `host`, or `host_port` when the URL names a port.
  public static func key(_ url: URL) -> String {
    (url.host ?? "local") + (url.port.map { "_\($0)" } ?? "")
  }

  /// From now on, the history of the portal at `url`, in the same directory.
  public func follow(_ url: URL) {
    state.withLock { state in
      state.path = (state.path as NSString).deletingLastPathComponent + "/" + StatePaths.historyName(Self.key(url))
    }
  }

  /// The stored entries, oldest first; none when the file does not exist yet.
  public func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map { Self.unescape(String($0)) }
  }

  /// Adds an entry unless it is blank or carries a secret.
  ///
  /// Returns whether it was kept.
  @discardableResult
  public func append(_ entry: String) -> Bool {
    let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, !Self.carriesSecret(trimmed) else { return false }
    var entries = load()
    if entries.last != trimmed { entries.append(trimmed) }
    save(Array(entries.suffix(limit)))
    return true
  }

  private func save(_ entries: [String]) {
    let path = self.path
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let temporary = path + ".tmp-\(getpid())"
    let text = entries.map(Self.escape).joined(separator: "\n") + "\n"
    guard
      FileManager.default.createFile(
        atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else { return }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }

  /// A `--token`/`--password` argument, a `connect` with credentials, an `sk-` key, a
  /// `DOCSPACE_TOKEN=`/`DOCSPACE_PASSWORD=` assignment, or what `SecretText` finds: a record key
  /// named like a secret (`{password: …}`) or a long token-like literal.
  public static func carriesSecret(_ line: String) -> Bool {
    let lowered = line.lowercased()
    if lowered.contains("--token") || lowered.contains("--password") || lowered.contains("sk-") { return true }
    if lowered.range(of: #"\bconnect\b.*(--user|://[^ ]*@)"#, options: .regularExpression) != nil { return true }
    if lowered.contains("docspace_token=") || lowered.contains("docspace_password=") { return true }
    return SecretText.carriesSecret(line)
  }

  static func escape(_ entry: String) -> String {
    entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
  }

  static func unescape(_ line: String) -> String {
    var result = ""
    var escaping = false
    for character in line {
      if escaping {
        result.append(character == "n" ? "\n" : character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
