import Foundation

/// `$XDG_STATE_HOME/dsh/journal.jsonl` read on its own, as issue 11's contract describes it: one
/// JSON object a line, "type" start, intent, outcome or end.
///
/// A line that does not parse (a torn last line after kill -9) is counted and skipped.
struct JournalFile {
  /// What a result or journal line names: a connection id (revoke) or a user id or email.
  enum Target: Hashable, CustomStringConvertible {
    case id(Int)
    case text(String)

    init?(_ value: Any?) {
      if let text = value as? String {
        self = .text(text)
      } else if let number = value as? Int {
        self = .id(number)
      } else {
        return nil
      }
    }

    var description: String {
      switch self {
      case .id(let id): return String(id)
      case .text(let text): return "\"\(text)\""
      }
    }
  }

  struct Line {
    var type: String
    var run: String
    var target: Target?
    var label: String?
    var outcome: String?
    var interrupted: Bool?
    var targets: Int?
  }

  /// Every line that parsed, in file order.
  let objects: [[String: Any]]
  let lines: [Line]
  let unparsedLines: Int
  let text: String

  init(path: String) {
    text = (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    var objects: [[String: Any]] = []
    var unparsed = 0
    for raw in text.split(separator: "\n") {
      if let object = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] {
        objects.append(object)
      } else {
        unparsed += 1
      }
    }
    self.objects = objects
    unparsedLines = unparsed
    lines = objects.map { object in
      Line(
        type: object["type"] as? String ?? "", run: object["run"].map { "\($0)" } ?? "",
        target: Target(object["target"]), label: object["label"] as? String, outcome: object["outcome"] as? String,
        interrupted: object["interrupted"] as? Bool, targets: object["targets"] as? Int)
    }
  }

  var isEmpty: Bool { text.isEmpty }
  var intents: [Line] { lines.filter { $0.type == "intent" } }
  var outcomes: [Line] { lines.filter { $0.type == "outcome" } }
  var starts: [Line] { lines.filter { $0.type == "start" } }
  var ends: [Line] { lines.filter { $0.type == "end" } }

  /// The latest state of every journaled target: "intent" while its answer is missing,
  /// else its outcome.
  var latestState: [Target: String] {
    var state: [Target: String] = [:]
    for line in lines {
      guard let target = line.target else { continue }
      if line.type == "intent" { state[target] = "intent" }
      if line.type == "outcome", let outcome = line.outcome { state[target] = outcome }
    }
    return state
  }

  /// What `journal --unfinished` must list: latest state an intent, `unknown` or `skipped`.
  var unfinished: Set<Target> {
    Set(latestState.filter { ["intent", "unknown", "skipped"].contains($0.value) }.keys)
  }

  /// Targets with an intent and no outcome after it in the same run.
  var intentsWithoutOutcome: Set<Target> {
    var open: Set<String> = []
    var targets: [String: Target] = [:]
    for line in lines {
      guard let target = line.target else { continue }
      let key = "\(line.run)|\(target)"
      targets[key] = target
      if line.type == "intent" { open.insert(key) }
      if line.type == "outcome" { open.remove(key) }
    }
    return Set(open.compactMap { targets[$0] })
  }

  /// Every value of `key` anywhere in the journal, nested lists and objects included:
  /// a check that holds for any layout of the file.
  func values(of key: String) -> [Any] { objects.flatMap { Self.values(of: key, in: $0) } }

  static func values(of key: String, in value: Any) -> [Any] {
    if let object = value as? [String: Any] {
      return (object[key].map { [$0] } ?? []) + object.values.flatMap { values(of: key, in: $0) }
    }
    if let list = value as? [Any] { return list.flatMap { values(of: key, in: $0) } }
    return []
  }
}
