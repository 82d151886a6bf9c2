import DSHLanguage
import DSHShell
import DocSpaceAPI
import Foundation
import Testing

/// Every finding of the static check (#12), each in a script run against the simulator: the script
/// exits 2, stderr names the code with the caret's text, and the portal sees no request after the
/// sign-in.
///
/// Scripts put a `revoke-others --yes` first where it matters, so that "nothing ran" is also
/// visible as sessions that are still there.
@Suite(.timeLimit(.minutes(1))) struct CheckFindingTests {
  /// What a script run did, seen from outside.
  struct Run {
    var outcome: Session.Outcome
    var stderr: String
    var stdout: String
    /// Requests the portal received while the script ran (the sign-in came before).
    var requests: [String]
  }

  static func run(_ text: String, interactive: Bool = false) async throws -> Run {
    let shell = try await TestShell.start(interactive: interactive)
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run(text)
    let requests = Array(await shell.simulator.receivedRequests().dropFirst(before))
    await shell.stop()
    return Run(outcome: outcome, stderr: shell.capture.stderr, stdout: shell.capture.stdout, requests: requests)
  }

  /// Expects the check to refuse `text`: exit 2, `error[code]: message`, the caret line
  /// ending in `caret`, and no request at all.
  static func expectRefused(
    _ text: String, _ code: String, _ message: String, caret: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let run = try await run(text)
    #expect(run.outcome.code == 2, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    #expect(
      run.stderr.contains("error[\(code)]: \(message)\n"), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    let caretLine = run.stderr.split(separator: "\n").first { $0.contains("^") }.map(String.init) ?? ""
    #expect(caretLine.hasSuffix(caret), "caret line: \(caretLine)", sourceLocation: sourceLocation)
    #expect(run.requests.isEmpty, "sent: \(run.requests)", sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, "stdout: \(run.stdout)", sourceLocation: sourceLocation)
  }

  // MARK: The headline case

  @Test func aFindingLateInTheScriptStopsAnEarlierRevokeOthersFromRunning() async throws {
    let shell = try await TestShell.start()
    let client = try await shell.client()
    let sessionsBefore = try await client.activeConnections().items.count
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run("revoke-others --yes\nprint ended\nsessions --bogus\n")
    #expect(outcome.code == 2)
    #expect(shell.capture.stderr.contains("error[E205]: 'sessions' has no flag --bogus"))
    #expect(shell.capture.stderr.contains("--> test.dsh:3:10"))
    #expect(shell.capture.stdout.isEmpty)
    #expect(await shell.simulator.receivedRequests().count == before)
    #expect(try await client.activeConnections().items.count == sessionsBefore)
    await client.shutdown()
    await shell.stop()
  }

  // MARK: Flags

  @Test func anUnknownFlagSuggestsTheFlagThatMeansTheSame() async throws {
    try await Self.expectRefused(
      "sessions | sort date --reverse", "E205", "'sort' has no flag --reverse",
      caret: "^^^^^^^^^ did you mean '--desc'?")
  }

  @Test func aMisspeltFlagSuggestsTheNearestSpelling() async throws {
    try await Self.expectRefused(
      "revoke-others --yse", "E205", "'revoke-others' has no flag --yse", caret: "^^^^^ did you mean '--yes'?")
  }

  @Test func aFlagValueOutOfItsRangeIsRefused() async throws {
    try await Self.expectRefused(
      "revoke-others --expect-count (-1)", "E208", "expected 0 or more, not -1", caret: "^^^^")
  }

  // MARK: Values from closed sets and kinds

  @Test func anOptionValueOutsideItsSetNamesTheChoices() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nset output xml", "E208", "'xml' is not a value for output",
      caret: "^^^ output takes table|json|csv")
  }

  @Test func aTimeoutWrittenAsAnIntIsRefused() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nset timeout 30", "E208", "'30' is not a value for timeout",
      caret: "^^ timeout takes a duration from 1ms to 10m, e.g. 30s")
  }

  @Test func anOptionWithoutItsValueIsRefused() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nset output", "E208", "set output needs a value", caret: "^^^^^^ output takes table|json|csv"
    )
  }

  @Test func aNegativeCountForFirstIsRefused() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\n[1, 2, 3] | first (-1)", "E208", "expected 0 or more, not -1",
      caret: "^^^^")
  }

  @Test func aStringWithAnAtWhereAConnectionIdIsNeededPointsToRevokeUser() async throws {
    try await Self.expectRefused(
      "revoke \"x@y\"", "E208", "revoke cannot end the string \"x@y\"",
      caret: "^^^^^ that is a user: to end all of a user's sessions use 'revoke-user'")
  }

  @Test func aWordWhereAConnectionIdIsNeededSaysWhatRevokeTakes() async throws {
    try await Self.expectRefused(
      "revoke \"abc\"", "E208", "revoke cannot end the string \"abc\"",
      caret: "^^^^^ pass a session or login record, a connection id, or a list of them")
  }

  @Test func aUserWhereASessionIsNeededPointsToRevokeUser() async throws {
    try await Self.expectRefused(
      "$u = user user@example.com\nrevoke $u", "E208", "revoke cannot end a user record",
      caret: "^^ that is a user: to end all of a user's sessions use 'revoke-user'")
  }

  @Test func aSessionWhereAUserIsNeededPointsToRevoke() async throws {
    try await Self.expectRefused(
      "$s = sessions\nrevoke-user $s[0] --yes", "E208", "revoke-user cannot use a session record",
      caret: "^^^^^ that is a session: to end one session use 'revoke'; for its user, pass $x.userId")
  }

  @Test func aConnectionIdGivenToRevokeUserPointsToRevoke() async throws {
    try await Self.expectRefused(
      "revoke-user 1042 --yes", "E208", "revoke-user cannot use a value of type int",
      caret: "^^^^ that looks like a connection id: use 'revoke'")
  }

  @Test func anOperatorAsAnArgumentIsReadAsAWordAndSaysToUseParentheses() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nprint \"x\" + 3", "E208", "'+' is read as a word here, not as an operator",
      caret: "^ to compute a value, put the expression in parentheses: (\"x\" + 3)")
  }

  @Test func aDurationWrittenInWordsSuggestsTheLiteral() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nlogins --since 30 days", "E208", "'30 days' is not a duration",
      caret: "^^^^^^^ did you mean '30d'?")
  }

  // MARK: Arity

  @Test func twoIdsForRevokeSuggestAList() async throws {
    try await Self.expectRefused(
      "revoke 1042 1018", "E205", "too many arguments for 'revoke'",
      caret: "; for several, write a list: [1042, 1018]")
  }

  @Test func aMissingPositionalShowsTheUsage() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\n[1, 2] | skip", "E205", "'skip' needs N", caret: "usage: skip N")
  }

  // MARK: Names, variables and fields

  @Test func anUndefinedVariableSuggestsADefinedOne() async throws {
    try await Self.expectRefused(
      "$count = 3\nrevoke-others --yes\nprint $cuont", "E201", "variable '$cuont' is not defined",
      caret: "^^^^^^ did you mean '$count'?")
  }

  @Test func anUnknownCommandSuggestsAKnownOne() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nsesions", "E202", "unknown command 'sesions'", caret: "^^^^^^^ did you mean 'sessions'?")
  }

  @Test func aBareWordWhereAValueIsNeededIsAnUnknownName() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nif active { print 1 }", "E203",
      "'active' is not a value here: quote it (\"active\") for a string, or use $active for a variable",
      caret: "^^^^^^")
  }

  @Test func anUnknownFieldOfTheRowsSuggestsAKnownOne() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nsessions | sort dat", "E204", "no field 'dat' on a session",
      caret: "^^^ did you mean 'date'?")
  }

  @Test func anUnknownFieldOfAVariablesRecordSuggestsAKnownOne() async throws {
    try await Self.expectRefused(
      "$s = sessions\nprint $s[0].ipp", "E204", "no field 'ipp' on a session", caret: "did you mean 'ip'?")
  }

  @Test func aPathInsideAStringOnAnIntIsATypeMismatch() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\n$n = 1\nprint \"$n.foo\"", "E206", "int has no field 'foo'", caret: "^^^^^^")
  }

  @Test func redefiningABuiltInCommandIsRefused() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\ndef sessions [] { return 1 }", "E206",
      "'sessions' is a built-in command and cannot be redefined", caret: "^")
  }

  // MARK: Control outside its block

  @Test func returnOutsideADefIsRefused() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nreturn 1", "E207", "'return' outside a def", caret: "^^^^^^^^ use exit to stop a script")
  }

  @Test func breakOutsideALoopIsRefused() async throws {
    try await Self.expectRefused("revoke-others --yes\nbreak", "E207", "'break' outside a loop", caret: "^^^^^")
  }

  @Test func continueOutsideALoopIsRefused() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\ncontinue", "E207", "'continue' outside a loop", caret: "^^^^^^^^")
  }

  @Test func breakInADefInsideALoopIsOutsideALoop() async throws {
    try await Self.expectRefused(
      "revoke-others --yes\nfor $x in [1] { def f [] { break } }", "E207", "'break' outside a loop", caret: "^^^^^")
  }

  // MARK: Intent in scripts

  static let intentMessage =
    "in a script, 'revoke' can end many sessions and nobody is asked: say so with --yes, --expect-count N or --dry-run"

  @Test func aBulkRevokeOfAListStatesNoIntentAndIsRefused() async throws {
    try await Self.expectRefused(
      "revoke (sessions | where not current)", "E209", Self.intentMessage,
      caret: "^^^^^^ or put `set confirm off` before it")
  }

  @Test func aRevokeAtTheEndOfAPipelineStatesNoIntentAndIsRefused() async throws {
    try await Self.expectRefused(
      "sessions | where not current | revoke", "E209", Self.intentMessage,
      caret: "^^^^^^ or put `set confirm off` before it")
  }

  @Test(arguments: ["revoke-user user@example.com", "revoke-others", "change-password"])
  func aVerbThatEndsManySessionsStatesNoIntentAndIsRefused(_ call: String) async throws {
    let name = String(call.prefix { $0 != " " })
    try await Self.expectRefused(
      call, "E209",
      "in a script, '\(name)' can end many sessions and nobody is asked: say so with --yes, --expect-count N or --dry-run",
      caret: String(repeating: "^", count: name.count) + " or put `set confirm off` before it")
  }

  @Test func setConfirmOffBeforeABulkRevokeStatesTheIntent() async throws {
    let run = try await Self.run("set confirm off\nrevoke (sessions | where not current)")
    #expect(run.outcome.code == 0, "stderr: \(run.stderr)")
    #expect(run.requests.filter { $0.hasPrefix("PUT") }.count == 3)
  }

  @Test func setConfirmOffAfterABulkRevokeDoesNotCount() async throws {
    try await Self.expectRefused(
      "revoke (sessions | where not current)\nset confirm off", "E209", Self.intentMessage,
      caret: "^^^^^^ or put `set confirm off` before it")
  }

  @Test func aDryRunFlagStatesTheIntentAndSendsNoChange() async throws {
    let run = try await Self.run("revoke (sessions | where not current) --dry-run")
    #expect(run.outcome.code == 0, "stderr: \(run.stderr)")
    #expect(run.requests.allSatisfy { $0.hasPrefix("GET") }, "sent: \(run.requests)")
  }

  @Test func setDryRunOnBeforeStatesTheIntentAndSendsNoChange() async throws {
    let run = try await Self.run("set dry-run on\nrevoke-others\nrevoke-user user@example.com")
    #expect(run.outcome.code == 0, "stderr: \(run.stderr)")
    #expect(run.requests.allSatisfy { $0.hasPrefix("GET") }, "sent: \(run.requests)")
  }

  @Test func anExpectedCountStatesTheIntent() async throws {
    let run = try await Self.run("revoke (sessions | where not current) --expect-count 3")
    #expect(run.outcome.code == 0, "stderr: \(run.stderr)")
    #expect(run.requests.filter { $0.hasPrefix("PUT") }.count == 3)
  }

  @Test func aSingleRevokeByIdNeedsNoFlag() async throws {
    let run = try await Self.run("revoke 1003")
    #expect(!run.stderr.contains("E209"), "stderr: \(run.stderr)")
    #expect(run.requests.filter { $0.hasPrefix("PUT") } == ["PUT /api/2.0/security/activeconnections/logout/1003"])
  }

  @Test func theDesignCardExampleRunsInAScriptAsTyped() async throws {
    let run = try await Self.run("$s = sessions | where not current\nrevoke $s[0]")
    #expect(run.outcome.code == 0, "stderr: \(run.stderr)")
    #expect(run.requests.filter { $0.hasPrefix("PUT") }.count == 1)
  }

  @Test func theREPLAsksInsteadOfRequiringAFlag() async throws {
    let run = try await Self.run("revoke-others", interactive: true)
    #expect(run.outcome.code == 1, "stderr: \(run.stderr)")
    #expect(!run.stderr.contains("E209"))
    #expect(run.requests.allSatisfy { !$0.hasPrefix("PUT") })
  }

  // MARK: Refused at run time when the check cannot tell

  @Test func aListFromJSONIsRefusedAtRunTimeBeforeAnythingIsSent() async throws {
    let run = try await Self.run("$l = (\"[1003, 1004]\" | from json)\nrevoke $l")
    #expect(run.outcome.code == 1, "stderr: \(run.stderr)")
    #expect(run.stderr.contains("error[E209]: \(Self.intentMessage)\n"))
    #expect(run.stderr.contains("--> test.dsh:2:1"))
    #expect(run.requests.allSatisfy { !$0.hasPrefix("PUT") }, "sent: \(run.requests)")
  }

  @Test func aListReturnedByADefIsRefusedAtRunTimeBeforeAnythingIsSent() async throws {
    let run = try await Self.run("def targets [] { return (sessions | where not current) }\nrevoke (targets)")
    #expect(run.outcome.code == 1, "stderr: \(run.stderr)")
    #expect(run.stderr.contains("error[E209]: \(Self.intentMessage)\n"))
    #expect(run.requests.allSatisfy { !$0.hasPrefix("PUT") }, "sent: \(run.requests)")
  }

  @Test func aListReturnedByADefRunsWithYes() async throws {
    let run = try await Self.run("def targets [] { return (sessions | where not current) }\nrevoke (targets) --yes")
    #expect(run.outcome.code == 0, "stderr: \(run.stderr)")
    #expect(run.requests.filter { $0.hasPrefix("PUT") }.count == 3)
  }

  // MARK: Script arguments

  @Test func aMissingArgumentOfMainIsAUsageErrorAndNothingRuns() async throws {
    let shell = try await TestShell.start()
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.session.run(
      "revoke-others --yes\ndef main [user] { print $user }", origin: "offboard.dsh", arguments: [])
    #expect(outcome.code == 2)
    #expect(shell.capture.stderr.contains("error[E210]: offboard.dsh: missing argument USER"))
    #expect(shell.capture.stderr.contains("usage: dsh offboard.dsh USER"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }
}
