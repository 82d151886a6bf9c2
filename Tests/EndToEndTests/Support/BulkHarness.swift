import Foundation
import Testing

/// One bulk test's world: a fresh `dsh-sim`, a login token for dsh, the owner's other
/// sessions (the targets) recorded before the run, and a private state directory that is
/// dsh's XDG_STATE_HOME and HOME (the journal lives in it).
final class BulkPortal {
  let simulator: SimulatorProcess
  let probe: PortalProbe
  /// dsh's credential: a login token of owner@example.com.
  let token: String
  /// The connection dsh's token belongs to (`current` in dsh).
  let ownConnection: Int
  /// The owner's other active connections before the run.
  let targets: Set<Int>
  let state: URL
  /// Reads portal truth with the owner's password: a credential of its own that adds no
  /// connection, so it never becomes a target.
  let observer = PortalProbe.Credential.password(email: "owner@example.com")

  static let ownerEmail = "owner@example.com"

  init(sessions: Int, latency: Int, options: [String] = []) async throws {
    simulator = try SimulatorProcess(
      ["--sessions-per-user", String(sessions), "--latency", String(latency)] + options)
    probe = PortalProbe(url: simulator.url)
    token = try await probe.signIn(Self.ownerEmail)
    let seen = try await probe.connections(.loginToken(token))
    ownConnection = seen.own
    targets = seen.ids.subtracting([seen.own])
    state = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-bulk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: state) }

  var journalPath: String { state.appendingPathComponent("dsh/journal.jsonl").path }
  var journal: JournalFile { JournalFile(path: journalPath) }

  /// DOCSPACE_URL and DOCSPACE_TOKEN for dsh.
  var connection: [String: String] { ["DOCSPACE_URL": simulator.url, "DOCSPACE_TOKEN": token] }
  var environment: [String: String] {
    connection.merging(["XDG_STATE_HOME": state.path, "HOME": state.path]) { $1 }
  }

  /// The targets the portal still has active, read now.
  func activeTargets() async throws -> Set<Int> {
    try await probe.connections(observer).ids.intersection(targets)
  }

  /// The targets the portal has ended so far.
  func endedTargets() async throws -> Set<Int> { targets.subtracting(try await activeTargets()) }

  /// Starts dsh on `program` the way `mode` names (a file, -c or stdin), with `options`
  /// before it.
  func start(_ program: String, mode: ProgramMode = .file, options: [String] = []) throws -> BackgroundProcess {
    switch mode {
    case .file:
      let script = state.appendingPathComponent("bulk-\(UUID().uuidString.prefix(8)).dsh")
      try program.write(to: script, atomically: true, encoding: .utf8)
      return try BackgroundProcess(Binaries.dsh, options + [script.path], environment: environment)
    case .commandLine:
      return try BackgroundProcess(Binaries.dsh, options + ["-c", program], environment: environment)
    case .standardInput:
      return try BackgroundProcess(Binaries.dsh, options + ["-"], environment: environment, stdin: program)
    }
  }

  /// Runs dsh with `arguments` to its end (bounded).
  func run(_ arguments: [String], within seconds: Double = 60) async throws -> (
    ending: BackgroundProcess.Ending, stdout: String, stderr: String
  ) {
    let process = try BackgroundProcess(Binaries.dsh, arguments, environment: environment)
    let ending = try await process.finish(within: seconds)
    return (ending, process.outputText, process.errorText)
  }

  /// Waits until a bulk run has visibly got `count` targets in: that many intents journaled, or
  /// that many targets ended at the portal.
  ///
  /// Gives up (false) when `stillRunning` turns false or after `seconds`.
  func waitForProgress(_ count: Int, within seconds: Double = 30, stillRunning: () -> Bool) async throws -> Bool {
    var gaveUp = false
    let reached = try await poll(within: seconds) {
      if journal.intents.count >= count { return true }
      if try await endedTargets().count >= count { return true }
      gaveUp = !stillRunning()
      return gaveUp
    }
    return reached && !gaveUp
  }
}

/// How dsh gets a program: `dsh FILE`, `dsh -c CODE`, `dsh -` (stdin).
enum ProgramMode: String, CaseIterable, Sendable, CustomStringConvertible {
  case file
  case commandLine
  case standardInput

  var description: String { rawValue }
}

/// The line a bulk run ends with on stderr:
/// `revoke: 387 closed, 613 skipped (1000 targets) — interrupted`.
struct BulkSummary: Equatable {
  var verb: String
  var counts: [String: Int]
  var targets: Int
  var interrupted: Bool

  /// The last summary in `text`, if any, wherever its line starts.
  static func last(in text: String) -> BulkSummary? {
    let pattern = /(revoke|revoke-user): ([^():]+) \((\d+) targets?\)( — interrupted)?$/
    for line in text.split(separator: "\n").reversed() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard let match = trimmed.firstMatch(of: pattern), let targets = Int(match.3) else { continue }
      var counts: [String: Int] = [:]
      if match.2 != "nothing to do" {
        for part in match.2.split(separator: ", ") {
          let words = part.split(separator: " ")
          guard words.count == 2, let number = Int(words[0]) else { return nil }
          counts[String(words[1]), default: 0] += number
        }
      }
      return BulkSummary(verb: String(match.1), counts: counts, targets: targets, interrupted: match.4 != nil)
    }
    return nil
  }

  var total: Int { counts.values.reduce(0, +) }
}

/// A bulk run's result records, from `--output json` on stdout.
enum ResultRecords {
  /// The records of the JSON on stdout: a list of them, or one record; nil when stdout
  /// holds no JSON.
  static func parse(_ stdout: String) -> [[String: Any]]? {
    let text = stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty, let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
    if let list = value as? [[String: Any]] { return list }
    if let record = value as? [String: Any] { return [record] }
    return (value as? [Any])?.isEmpty == true ? [] : nil
  }
}

extension Tmux {
  /// The whole pane, scrollback included: a bulk run's summary comes before its results.
  var history: String { (try? tmux(["capture-pane", "-p", "-N", "-S", "-"])) ?? "" }

  /// The pid of the program the pane runs (the pane shell's child).
  var programPid: Int32? {
    let shell = ((try? tmux(["display-message", "-p", "#{pane_pid}"])) ?? "").trimmingCharacters(
      in: .whitespacesAndNewlines)
    guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else {
      return nil
    }
    return children.split(separator: " ").first.flatMap { Int32($0) }
  }
}

/// Polls `condition` until it holds (true) or `seconds` pass (false).
func poll(within seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if try await condition() { return true }
    try? await Task.sleep(for: .milliseconds(20))
  }
  return false
}

/// Records one issue naming how many `items` there are and the first few, unless there
/// are none: a short message where `#expect(items.isEmpty)` would print them all.
func expectNone<Items: Collection>(
  _ items: Items, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  guard !items.isEmpty else { return }
  Issue.record("\(items.count) \(what), e.g. \(Array(items.prefix(5)))", sourceLocation: sourceLocation)
}
