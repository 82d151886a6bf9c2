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
    "api POST /x --body {password: \"p\"}", "api POST /x --body {\"Token\": \"t\"}", "$r = {secret: $s}",
    "api PUT /keys --body {apiKey: 'k'}", "$b = {api_key: \"k\"}",
    "$t = \"Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo\"",
    "api GET /x --header eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl",
  ])
  func linesWithSecretsAreNeverStored(_ line: String) {
    let history = store()
    #expect(!history.append(line))
    #expect(history.load().isEmpty)
  }

  @Test(arguments: [
    "sessions | where browser =~ \"token\"", "print \"password reset for $user\"", "print $r.token",
    "sessions | where page == \"/api/2.0/files/rooms/12345/share/all\"",
    "open \"quarterly-report-2024-01-31-final-v2.docx\"", "$id = \"3f2a9e1c-7b4d-4c1e-9a8f-0123456789ab\"",
  ])
  func linesThatOnlyMentionSecretsAreKept(_ line: String) {
    let history = store()
    #expect(history.append(line))
    #expect(history.load() == [line])
  }

  @Test func itIsBounded() {
    let history = store()
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
