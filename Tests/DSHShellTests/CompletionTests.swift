import DSHLanguage
import DSHShell
import Testing

/// Completion is a pure function: line before the cursor + session snapshot → candidates.
@Suite struct CompletionTests {
  static let state: CompletionState = {
    var state = CompletionState()
    let registry = TestShell.offlineSession().interpreter.registry
    state.commands = registry.all.map {
      .init(name: $0.name, summary: $0.summary, signature: $0.signature, output: $0.output)
    }
    state.variables["s"] = .list(.record(name: "session", fields: ["id", "userId", "browser"]))
    state.variables["count"] = .scalar("int")
    state.sessions = [(4812, "Chrome 120 · 203.0.113.7 · 3d ago"), (4790, "Other · 198.51.100.2 · 5h ago")]
    state.users = [("user@example.com", "Uma User · User")]
    return state
  }()

  static func texts(_ line: String) -> [String] { Completer.complete(line, state: state).candidates.map(\.text) }

  @Test(arguments: [
    ("sess", ["sessions", "sessions-of"]), ("sessions-", ["sessions-of"]), ("revoke-o", ["revoke-others"]),
    ("sessions | whe", ["where"]),
    ("sessions | where us", ["userId"]), ("sessions | where date > now and br", ["browser"]),
    ("sessions | sort --d", ["--desc"]), ("$s | select b", ["browser"]), ("$c", ["$count"]),
    ("print $s.us", ["$s.userId"]), ("revoke 48", ["4812"]), ("revoke-user us", ["user@example.com"]),
    ("set outp", ["output"]), ("help revoke-u", ["revoke-user"]), ("$x = sessions | where cur", ["current"]),
    ("logins | where act", ["action", "actionId"]), ("[1] | to j", ["json"]),
  ])
  func completes(_ line: String, _ expected: [String]) {
    #expect(Self.texts(line) == expected)
  }

  @Test func theReplacedLengthIsTheWordBeforeTheCursor() {
    #expect(Completer.complete("sessions | where us", state: Self.state).replacing == 2)
  }

  @Test func candidatesForRevokeCarryADescription() {
    let result = Completer.complete("revoke ", state: Self.state)
    #expect(
      result.candidates.first?.description.contains("Chrome 120") == true
        || result.candidates.first?.description.contains("Other") == true)
    #expect(result.candidates.count == 2)
  }

  @Test func nothingToCompleteGivesNothing() {
    #expect(Self.texts("print \"zz").isEmpty)
  }
}
