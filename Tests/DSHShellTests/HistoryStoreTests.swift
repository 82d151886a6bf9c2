import DSHLanguage
import DSHShell
import Foundation
import Testing

@Suite struct HistoryStoreTests {
  func store() -> HistoryStore {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-history-\(UUID().uuidString)")
    return HistoryStore(path: directory.appendingPathComponent("history-test").path)
  }

  @Test func multiLineEntriesAndBackslashesSurviveARoundTrip() {
    let history = store()
    history.append("for $x in [1] {\n  print \"a\\\\b\"\n}")
    history.append("sessions")
    #expect(history.load() == ["for $x in [1] {\n  print \"a\\\\b\"\n}", "sessions"])
  }

  @Test func theFileIsPrivate() throws {
    let history = store()
    history.append("sessions")
    let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test(arguments: [
    "connect https://p.example.com --token abc", "connect https://p.example.com --user a@b.c",
    "api GET /x --password hunter2", "$k = \"sk-0123\"",
  ])
  func linesWithSecretsAreNeverStored(_ line: String) {
    let history = store()
    #expect(!history.append(line))
    #expect(history.load().isEmpty)
  }

  @Test func itIsBounded() {
    var history = store()
    history.limit = 3
    for index in 1...5 { history.append("print \(index)") }
    #expect(history.load() == ["print 3", "print 4", "print 5"])
  }

  @Test(arguments: [
    ("sessions |", true), ("sessions | where x == 1", false), ("[1,\n2", true), ("print 1 \\", true),
    ("if true {", true), ("print \"open", true), ("{a: 1}", false), ("print ')'", false),
  ])
  func continuationIsDetected(_ text: String, _ needsMore: Bool) {
    #expect(Continuation.needsMore(text) == needsMore)
  }
}
