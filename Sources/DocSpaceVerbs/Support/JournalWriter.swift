import DSHLanguage
import Foundation
import Synchronization

/// Appends one run's lines to the journal as they happen (write-ahead: an intent is on disk before
/// its request is sent).
///
/// Each line is one `write(2)` to a file opened with O_APPEND, so lines never interleave and a
/// crash tears at most the last one; `sync` flushes to disk at the end of a run and when a signal
/// stops it. Shared by the run's concurrent requests, hence the locks.
///
/// The caller may be learned while the run goes on (`name(caller:)`): the intents written
/// after that, and the end line, name them (outcome lines never do).
final class JournalWriter: Sendable {
  let run: String
  let portal: String
  let verb: String
  private let descriptor: Mutex<Int32>
  private let knownCaller: Mutex<String?>

  /// Opens the journal (rotating it first when large); nil when there is nowhere to keep it.
  init?(paths: JournalPaths, portal: String, caller: String?, verb: String) {
    guard let path = paths.current else { return nil }
    paths.rotateIfLarge()
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return nil }
    self.descriptor = Mutex(descriptor)
    self.run = UUID().uuidString.lowercased()
    self.portal = portal
    self.knownCaller = Mutex(caller)
    self.verb = verb
  }

  /// Who runs it (their email), when known.
  var caller: String? { knownCaller.withLock { $0 } }

  /// Who runs it, learned after the run began.
  func name(caller: String) { knownCaller.withLock { $0 = caller } }

  deinit { descriptor.withLock { _ = close($0) } }

  func start(targets: Int) {
    append(line(.start) { $0.targets = targets })
  }

  func intent(_ target: JournalTarget, label: String) {
    append(
      line(.intent) {
        $0.target = target
        $0.label = label
      })
  }

  func outcome(_ target: JournalTarget, _ result: TargetResult) {
    append(
      line(.outcome) {
        $0.target = target
        $0.label = result.label.displayText
        $0.outcome = result.outcome
        $0.status = result.status
        $0.error = result.error
      })
  }

  func end(counts: [Outcome: Int], interrupted: Bool) {
    append(
      line(.end) {
        $0.counts = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        $0.interrupted = interrupted
      })
    sync()
  }

  /// Forces what was written onto the disk.
  func sync() { descriptor.withLock { _ = fsync($0) } }

  private func line(_ type: JournalLine.Kind, _ fill: (inout JournalLine) -> Void) -> JournalLine {
    var line = JournalLine(
      type: type, run: run, time: DateText.format(Date()), portal: portal, caller: caller, verb: verb)
    if type == .outcome { line.caller = nil }
    if type == .outcome || type == .end { line.portal = nil }
    fill(&line)
    return line
  }

  private func append(_ line: JournalLine) {
    var text = line.json + "\n"
    descriptor.withLock { descriptor in
      text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
          let written = write(descriptor, base + offset, bytes.count - offset)
          if written < 0 && errno == EINTR { continue }
          guard written > 0 else { return }
          offset += written
        }
      }
    }
  }
}
