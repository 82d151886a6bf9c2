import DSHLanguage
import Foundation

/// Reads the journal back: runs with their outcome counts, and the targets that were sent without a
/// known result or never sent.
///
/// A torn or unreadable line is skipped and counted.
struct JournalReader {
  var lines: [JournalLine] = []
  /// Lines that could not be read: a crash's torn last line, or a line from an older dsh.
  var unreadable = 0

  init(paths: JournalPaths) {
    let decoder = JSONDecoder()
    for path in paths.all {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      for slice in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
        if let line = try? decoder.decode(JournalLine.self, from: Data(slice)) {
          lines.append(line)
        } else {
          unreadable += 1
        }
      }
    }
  }

  /// One record per run, oldest first.
  func runs() -> [Value] {
    var order: [String] = []
    var starts: [String: JournalLine] = [:]
    var states: [String: [JournalTarget: Outcome?]] = [:]
    var ends: [String: JournalLine] = [:]
    // A run may learn who runs it after it began: the first line that names them says.
    var callers: [String: String] = [:]
    for line in lines {
      if let caller = line.caller, !caller.isEmpty, callers[line.run] == nil { callers[line.run] = caller }
      switch line.type {
      case .start:
        order.append(line.run)
        starts[line.run] = line
      case .intent:
        if let target = line.target { states[line.run, default: [:]][target] = .some(nil) }
      case .outcome:
        if let target = line.target { states[line.run, default: [:]][target] = line.outcome }
      case .end: ends[line.run] = line
      }
    }
    return order.compactMap { run in
      guard let start = starts[run] else { return nil }
      let outcomes = states[run, default: [:]].values
      func count(_ outcome: Outcome) -> Value { .int(outcomes.filter { $0 == outcome }.count) }
      let unfinished = outcomes.filter { $0 == nil || $0?.isUnfinished == true }.count
      return .record(
        Record(
          kind: "journal",
          fields: [
            ("run", .string(run)), ("time", DateText.parse(start.time).map(Value.date) ?? .string(start.time)),
            ("verb", .string(start.verb)), ("portal", .string(start.portal ?? "")),
            ("caller", .string(callers[run] ?? "")), ("targets", .int(start.targets ?? outcomes.count)),
            ("closed", count(.closed)), ("notActive", count(.notActive)), ("forbidden", count(.forbidden)),
            ("failed", count(.failed)), ("unknown", count(.unknown)), ("skipped", count(.skipped)),
            ("unfinished", .int(unfinished)), ("interrupted", .bool(ends[run]?.interrupted ?? true)),
          ]))
    }
  }

  /// Targets whose latest state, over all runs, is an intent without an outcome, `unknown`
  /// or `skipped`: re-running them is safe (an ended session answers not-active).
  func unfinished() -> [Value] {
    struct Key: Hashable {
      var portal: String
      var verb: String
      var target: JournalTarget
    }
    var portals: [String: String] = [:]
    var latest: [Key: (line: JournalLine, reason: String?)] = [:]
    var order: [Key] = []
    for line in lines {
      if line.type == .start { portals[line.run] = line.portal ?? "" }
      guard let target = line.target, line.type == .intent || line.type == .outcome else { continue }
      let key = Key(portal: line.portal ?? portals[line.run] ?? "", verb: line.verb, target: target)
      if latest[key] == nil { order.append(key) }
      switch line.type {
      case .intent: latest[key] = (line, "sent, no answer recorded")
      default:
        let reason: String? =
          switch line.outcome {
          case .unknown?: "sent, no answer"
          case .skipped?: "never sent"
          default: nil
          }
        latest[key] = (line, reason)
      }
    }
    return order.compactMap { key in
      guard let (line, reason) = latest[key], let reason else { return nil }
      let id: Value =
        switch key.target {
        case .connection(let id): .int(id)
        case .user(let id): .string(id)
        }
      return .record(
        Record(
          kind: "unfinished",
          fields: [
            ("id", id), ("label", .string(line.label ?? "")), ("verb", .string(key.verb)),
            ("reason", .string(reason)), ("run", .string(line.run)),
            ("time", DateText.parse(line.time).map(Value.date) ?? .string(line.time)),
            ("portal", .string(key.portal)),
          ]))
    }
  }
}
