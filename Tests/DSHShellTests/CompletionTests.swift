import DSHLanguage
import DSHShell
import Foundation
import Testing

/// Completion is a pure function: line before the cursor + session snapshot → candidates.
@Suite struct CompletionTests {
  static let state: CompletionState = {
    var state = CompletionState()
    state.commands = TestShell.offlineSession().interpreter.registry.all
    state.functions["offboard"] = Signature([Parameter("user", help: "")], flags: [Flag("days", value: "N", help: "")])
    state.variables["s"] = .list(.record(name: "session", fields: ["id", "userId", "browser"]))
    state.variables["count"] = .scalar("int")
    state.sessions = [
      .init("4812", "Chrome 120 · 203.0.113.7 · 3d ago"), .init("4790", "Other · 198.51.100.2 · 5h ago"),
    ]
    state.users = [.init("user@example.com", "Uma User"), .init("uma.roe@example.com", "Uma Roe")]
    state.profiles = ["school", "work"]
    return state
  }()

  static func texts(_ line: String) -> [String] { Completer.complete(line, state: state).candidates.map(\.text) }

  @Test(arguments: [
    ("sess", ["sessions", "sessions-of"]), ("sessions-", ["sessions-of"]), ("revoke-o", ["revoke-others"]),
    ("sessions | whe", ["where"]), ("sessions | where us", ["userId"]),
    ("sessions | where date > now and br", ["browser"]), ("sessions | where ip==\"x\" and br", ["browser"]),
    ("sessions | sort --d", ["--desc"]), ("$s | select b", ["browser"]), ("$c", ["$count"]),
    ("revoke 48", ["4812"]), ("revoke-user us", ["user@example.com"]), ("set outp", ["output"]),
    ("help revoke-u", ["revoke-user"]), ("$x = sessions | where cur", ["current"]),
    ("logins | where act", ["action", "actionId"]), ("[1] | to j", ["json"]),
  ])
  func completesWhatTheCommandModelDeclares(_ line: String, _ expected: [String]) {
    #expect(Self.texts(line) == expected)
  }

  @Test func theReplacedLengthIsTheWordBeforeTheCursor() {
    #expect(Completer.complete("sessions | where us", state: Self.state).replacing == 2)
  }

  @Test func anEmailBeingTypedIsReplacedWhole() {
    let result = Completer.complete("revoke-user uma.r", state: Self.state)
    #expect(result.candidates.map(\.text) == ["uma.roe@example.com"])
    #expect(result.replacing == "uma.r".count)
  }

  @Test func candidatesForRevokeCarryADescription() {
    let result = Completer.complete("revoke ", state: Self.state)
    #expect(result.candidates.map(\.description).contains("Chrome 120 · 203.0.113.7 · 3d ago"))
    #expect(result.candidates.count == 2)
  }

  @Test func nothingIsOfferedInsideAString() {
    #expect(Self.texts("print \"zz").isEmpty)
    #expect(Self.texts("revoke-user \"us").isEmpty)
  }

  @Test func nothingIsOfferedInsideAComment() {
    #expect(Self.texts("sessions # sess").isEmpty)
  }

  @Test func commandsCompleteInsideParentheses() {
    #expect(Self.texts("revoke (sess") == ["sessions", "sessions-of"])
  }

  @Test func fieldsCompleteInsideAParenthesizedPipeline() {
    #expect(Self.texts("print (sessions | where us") == ["userId"])
  }

  @Test func aCommandAfterAClosedGroupGetsItsOwnArguments() {
    #expect(Self.texts("revoke (sessions | first) --dry") == ["--dry-run"])
  }

  @Test func commandsCompleteInABlock() {
    #expect(Self.texts("for $x in [1] { revoke-o") == ["revoke-others"])
  }

  @Test func fieldsCompleteAfterAnIndexedVariable() {
    #expect(Self.texts("print $s[0].") == ["browser", "id", "userId"])
    #expect(Self.texts("print $s[0].us") == ["userId"])
    #expect(Completer.complete("print $s[0].us", state: Self.state).replacing == 2)
  }

  @Test func fieldsCompleteAfterAVariable() {
    #expect(Self.texts("print $s.br") == ["browser"])
  }

  @Test func aSettingsValuesCompleteAfterItsName() {
    #expect(Self.texts("set output ") == ["csv", "json", "table"])
    #expect(Self.texts("set editor v") == ["vi"])
  }

  @Test func aSettingWithoutWordValuesOffersNothing() {
    #expect(Self.texts("set timeout ").isEmpty)
  }

  @Test func aSettingOffersItsWordsButNotItsNumbers() {
    #expect(Self.texts("set concurrency ") == ["auto"])
  }

  @Test func valuesComeFromTheParametersCheck() {
    #expect(Self.texts("$s | into ") == ["bool", "date", "duration", "float", "int", "string"])
  }

  @Test func aFlagsValueCompletesFromItsSource() {
    #expect(Self.texts("logins --user uma") == ["uma.roe@example.com"])
    #expect(Self.texts("connect --profile w") == ["work"])
  }

  @Test func aFlagsValueIsNotTakenForAPositional() {
    #expect(Self.texts("logins --user user@example.com --si") == ["--since"])
  }

  @Test func aDefIsACommandWithItsFlags() {
    #expect(Self.texts("offb") == ["offboard"])
    #expect(Self.texts("offboard x --d") == ["--days"])
  }

  @Test func portalSourcesAreReportedSoTabCanFetchThem() {
    #expect(Completer.complete("revoke ", state: Self.state).sources == [.connectionIds])
    #expect(Completer.complete("logins --user ", state: Self.state).sources == [.people])
    #expect(Completer.complete("sessions | where ", state: Self.state).sources.isEmpty)
  }

  @Test func filesCompleteFromTheDirectory() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-files-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("lists"), withIntermediateDirectories: true)
    for name in ["leavers.csv", ".hidden", "lists/today.txt"] {
      #expect(FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: Data()))
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    var state = Self.state
    state.directory = directory.path
    #expect(Completer.complete("open l", state: state).candidates.map(\.text) == ["leavers.csv", "lists/"])
    #expect(Completer.complete("open lists/t", state: state).candidates.map(\.text) == ["lists/today.txt"])
    #expect(Completer.complete("open .h", state: state).candidates.map(\.text) == [".hidden"])
  }
}
