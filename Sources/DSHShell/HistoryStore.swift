import DSHLanguage
import Foundation

/// The REPL's history for one portal: plain text, one entry a line (`\` and newline
/// escaped), mode 0600, written atomically, at most `limit` entries. Lines that carry a
/// secret are never stored.
public struct HistoryStore: Sendable {
  public let path: String
  public var limit = 1000

  public init(path: String) { self.path = path }

  /// `$XDG_STATE_HOME/dsh/history-<portal>` (default `~/.local/state/dsh/`).
  public static func forPortal(_ label: String, environment: [String: String]) -> HistoryStore {
    let safe = label.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
    return HistoryStore(path: stateDirectory(environment) + "/history-" + String(safe))
  }

  public static func stateDirectory(_ environment: [String: String]) -> String {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/dsh" }
    return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/dsh"
  }

  public func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map { Self.unescape(String($0)) }
  }

  /// Adds an entry unless it is blank or carries a secret. Returns whether it was kept.
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
