import Foundation
import Testing

@testable import DSHLanguage

/// The language half of #13: `while`, assignment into records and lists, `def` parameters
/// with defaults and flags, interpolation that follows paths, and `def main` arguments.
@Suite struct LanguageFeatureTests {
  /// The codes and messages the checker finds in `text`, before anything runs.
  func findings(_ text: String) -> [String] {
    let interpreter = Interpreter(registry: CommandRegistry(DataCommands.all), host: TestHost())
    guard case .success(let program) = parse(text) else { return ["syntax error"] }
    return ProgramChecker.check(program, in: CheckContext(registry: interpreter.registry)).errors.map {
      "\($0.error.code) \($0.error.message)"
    }
  }

  // MARK: while

  @Test func whileRunsItsBodyUntilTheConditionIsFalse() async {
    #expect(await evaluate("$i = 0\nwhile $i < 3 { print $i; $i = $i + 1 }").output == "0\n1\n2\n")
  }

  @Test func whileWithAFalseConditionNeverRunsItsBody() async {
    #expect(await evaluate("while false { print never }\nprint done").output == "done\n")
  }

  @Test func breakLeavesAWhileLoop() async {
    #expect(await evaluate("$i = 0\nwhile true { $i = $i + 1; if $i == 3 { break } }\nprint $i").output == "3\n")
  }

  @Test func continueSkipsTheRestOfTheBody() async {
    let program = "$i = 0\nwhile $i < 5 { $i = $i + 1; if $i % 2 == 0 { continue }; print $i }"
    #expect(await evaluate(program).output == "1\n3\n5\n")
  }

  @Test func breakInAWhileLoopPassesTheCheck() {
    #expect(findings("$i = 0\nwhile true { $i = $i + 1; if $i > 2 { break } }").isEmpty)
  }

  @Test func whileIsAKeywordNotAFieldName() {
    #expect(findings("$i = 0\nwhile $i < 1 { $i = 1 }").isEmpty)
  }

  // MARK: Assignment into a variable

  @Test func settingAFieldReplacesItsValue() async {
    #expect(
      await evaluate("$r = {a: 1, b: 2}\n$r.a = 5\nprint ($r | to json --compact)").output == "{\"a\":5,\"b\":2}\n")
  }

  @Test func settingAMissingFieldAddsIt() async {
    #expect(await evaluate("$r = {a: 1}\n$r.b = 2\nprint ($r | to json --compact)").output == "{\"a\":1,\"b\":2}\n")
  }

  @Test func settingAnItemReplacesIt() async {
    #expect(await evaluate("$l = [1, 2, 3]\n$l[0] = 9\nprint ($l | to json --compact)").output == "[9,2,3]\n")
  }

  @Test func aNegativeIndexCountsFromTheEnd() async {
    #expect(await evaluate("$l = [1, 2, 3]\n$l[-1] = 7\nprint ($l | to json --compact)").output == "[1,2,7]\n")
  }

  @Test func anIndexOutOfRangeIsAnErrorThatKeepsTheList() async {
    let result = await evaluate("$l = [1, 2, 3]\ntry { $l[5] = 1 } catch { print $error.message }\nprint $l")
    #expect(result.runtimeError == nil)
    #expect(result.output.hasPrefix("index 5 is out of range: the list has 3 items\n"))
    #expect(await evaluate("$l = [1, 2, 3]\n$l[5] = 1").runtimeError?.code == "E206")
    #expect(await evaluate("$l = [1, 2, 3]\ntry { $l[3] = 1 } catch { }\nprint ($l | count)").output == "3\n")
  }

  @Test func settingAFieldOnAnIntIsAnError() async {
    let result = await evaluate("$n = 1\n$n.foo = 2")
    guard case .typeMismatch(let message, _)? = result.runtimeError else {
      Issue.record("expected a type mismatch, got \(String(describing: result.runtimeError))")
      return
    }
    #expect(message == "cannot set field 'foo' on int")
  }

  @Test func settingAFieldOnAListSaysToPickAnItem() async {
    let result = await evaluate("$l = [{a: 1}]\n$l.a = 2")
    #expect(result.runtimeError?.message == "cannot set field 'a' on a list: pick an item first, e.g. $l[0].a")
  }

  @Test func aNestedPathIsFollowedAndSet() async {
    let program = "$r = {a: [{b: 1}, {b: 2}]}\n$r.a[1].b = 5\nprint ($r | to json --compact)"
    #expect(await evaluate(program).output == "{\"a\":[{\"b\":1},{\"b\":5}]}\n")
  }

  @Test func aRecordFieldCanBeSetByAStringIndex() async {
    #expect(await evaluate("$r = {a: 1}\n$r[\"a\"] = 3\nprint $r.a").output == "3\n")
  }

  @Test func settingIntoAnUndefinedVariableIsAnError() async {
    #expect(await evaluate("$nope.a = 1").runtimeError?.code == "E201")
    #expect(findings("$nope.a = 1") == ["E201 variable '$nope' is not defined"])
  }

  @Test func settingAGlobalsFieldInsideADefUpdatesTheGlobal() async {
    let program = "$r = {a: 1}\ndef f [] { $r.a = 2 }\nf\nprint $r.a"
    let result = await evaluate(program)
    #expect(result.runtimeError == nil, "\(String(describing: result.runtimeError))")
    #expect(result.output == "2\n")
  }

  @Test func aFailedAssignmentInsideADefKeepsTheGlobal() async {
    let program = "$l = [1]\ndef f [] { $l[4] = 2 }\ntry { f } catch { }\nprint ($l | to json --compact)"
    #expect(await evaluate(program).output == "[1]\n")
  }

  // MARK: def parameters

  static let greet =
    "def greet [who, times = 1, --days = 30, --report, --dry-run] { print \"$who $times $days $report $dry_run\" }\n"

  @Test func aCallWithOnlyTheRequiredArgumentGetsTheDefaults() async {
    #expect(await evaluate(Self.greet + "greet ann").output == "ann 1 30 false false\n")
  }

  @Test func aCallSetsPositionalsFlagsAndSwitches() async {
    #expect(await evaluate(Self.greet + "greet ann 2 --days 7 --report --dry-run").output == "ann 2 7 true true\n")
  }

  @Test func aDefsBodyMayCallALaterDefWithItsFlags() async {
    #expect(await evaluate("def a [] { b --days 3 }\ndef b [--days = 1] { print $days }\na").output == "3\n")
  }

  @Test func aDefaultMayBeAnExpression() async {
    #expect(await evaluate("def f [n = (1 + 2)] { print $n }\nf").output == "3\n")
  }

  @Test func aMissingArgumentIsFoundByTheCheckAndAtRunTime() async {
    #expect(findings(Self.greet + "greet") == ["E205 'greet' needs who"])
    #expect(await evaluate(Self.greet + "greet").runtimeError?.message == "'greet' needs who")
  }

  @Test func anExtraArgumentIsFoundByTheCheckAndAtRunTime() async {
    #expect(findings(Self.greet + "greet ann 2 3") == ["E205 too many arguments for 'greet'"])
    #expect(await evaluate(Self.greet + "greet ann 2 3").runtimeError?.message == "too many arguments for 'greet'")
  }

  @Test func anUnknownFlagSuggestsTheDefsFlag() async {
    #expect(findings(Self.greet + "greet ann --dys 3") == ["E205 'greet' has no flag --dys"])
    let error = await evaluate(Self.greet + "greet ann --dys 3").runtimeError
    #expect(error?.label == "did you mean '--days'?")
  }

  @Test func aParameterDeclaredTwiceIsASyntaxError() {
    guard case .failure(let errors) = parse("def f [a, a] { }") else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(errors.errors.first?.message.contains("parameter 'a' is declared twice") == true)
  }

  @Test func aParameterIsUnknownOutsideItsDef() {
    #expect(findings("def f [a] { print $a }\nprint $a") == ["E201 variable '$a' is not defined"])
  }

  @Test func mainsDefaultsMustBeLiterals() {
    #expect(
      findings("def main [--n = (1 + 2)] { }").first?.hasPrefix("E208 the default of 'n' must be a literal") == true)
  }

  // MARK: Interpolation

  @Test func aFieldPathIsFollowedInAString() async {
    #expect(await evaluate("$u = {email: \"a@b.c\"}\nprint \"c: $u.email\"").output == "c: a@b.c\n")
  }

  @Test func anIndexAndFieldPathIsFollowedInAString() async {
    #expect(await evaluate("$s = [{id: 7}]\nprint \"id $s[0].id\"").output == "id 7\n")
  }

  @Test func bracesPutALiteralDotAfterAValue() async {
    #expect(await evaluate("$name = \"report\"\nprint \"${$name}.csv\"").output == "report.csv\n")
  }

  @Test func aDotNotFollowedByALetterStaysText() async {
    #expect(await evaluate("$n = 5\nprint \"n is $n.\"").output == "n is 5.\n")
    #expect(await evaluate("$u = {email: \"a@b.c\"}\nprint \"$u.email.\"").output == "a@b.c.\n")
  }

  @Test func anUnclosedBracketStaysText() async {
    #expect(await evaluate("$n = 5\nprint \"$n[0\"").output == "5[0\n")
  }

  @Test func aPathOnAnIntInAStringIsAFindingOfTheCheck() {
    #expect(findings("$n = 1\nprint \"$n.foo\"") == ["E206 int has no field 'foo'"])
  }

  @Test func aDotAfterAStringVariableIsAPathSoTheCheckSaysToUseBraces() {
    #expect(findings("$name = \"r\"\nprint \"$name.csv\"") == ["E206 string has no field 'csv'"])
  }

  @Test func itemsOfDifferentShapesAreNotCheckedAgainstTheFirst() {
    #expect(findings("$l = [{a: 1}, {b: 2}]\nprint $l[1].b").isEmpty)
  }

  @Test func aPathOnAnUnknownFieldInAStringIsAFindingOfTheCheck() {
    #expect(findings("$r = {a: 1}\nprint \"$r.b\"").first?.hasPrefix("E204 no field 'b'") == true)
  }

  // MARK: def main arguments

  static func mainParameters(_ declaration: String) -> [FunctionParameter] {
    guard case .success(let program) = parse("def main [\(declaration)] { }") else { return [] }
    return program.mainParameters ?? []
  }

  static let standard = mainParameters("user, --days = 30, --report")

  func bind(_ arguments: [String], _ parameters: [FunctionParameter] = standard) -> Result<
    [String: Value], ArgumentProblem
  > {
    Result { () throws(ArgumentProblem) in try MainArguments.bind(arguments, to: parameters) }
  }

  func problem(_ arguments: [String], _ parameters: [FunctionParameter] = standard) -> ArgumentProblem? {
    if case .failure(let problem) = bind(arguments, parameters) { return problem }
    return nil
  }

  @Test func bindingFillsDefaultsAndSwitchesOff() throws {
    let bound = try bind(["alice"]).get()
    #expect(bound == ["user": .string("alice"), "days": .int(30), "report": .bool(false)])
  }

  @Test func aFlagValueMayFollowTheFlag() throws {
    #expect(try bind(["alice", "--days", "7"]).get()["days"] == .int(7))
  }

  @Test func aFlagValueMayBeJoinedWithEquals() throws {
    #expect(try bind(["--days=7", "alice"]).get()["days"] == .int(7))
  }

  @Test func aSwitchIsTrueWhenGivenAndMayBeSetWithEquals() throws {
    #expect(try bind(["alice", "--report"]).get()["report"] == .bool(true))
    #expect(try bind(["alice", "--report=false"]).get()["report"] == .bool(false))
  }

  @Test func doubleDashEndsTheFlags() throws {
    #expect(try bind(["--", "--days"]).get()["user"] == .string("--days"))
  }

  @Test func aFloatDefaultConvertsToAFloat() throws {
    let bound = try bind(["--ratio", "2.5"], Self.mainParameters("--ratio = 0.5")).get()
    #expect(bound["ratio"] == .float(2.5))
  }

  @Test func aDurationDefaultConvertsToADuration() throws {
    let bound = try bind(["--since", "7d"], Self.mainParameters("--since = 1d")).get()
    #expect(bound["since"] == .duration(7 * 86_400))
    #expect(problem(["--since", "7 days"], Self.mainParameters("--since = 1d"))?.message.contains("duration") == true)
  }

  @Test func aBoolDefaultConvertsAPositionalToABool() throws {
    #expect(try bind(["no"], Self.mainParameters("force = true")).get()["force"] == .bool(false))
    #expect(problem(["maybe"], Self.mainParameters("force = true"))?.message == "FORCE is true or false, not 'maybe'")
  }

  @Test func aSwitchSetToANonBoolNamesTheSwitch() {
    #expect(problem(["alice", "--report=maybe"])?.message == "--report is true or false, not 'maybe'")
  }

  @Test func aDateDefaultConvertsToADate() throws {
    let day = try #require(DateText.parse("2026-01-01"))
    let parameter = FunctionParameter(
      name: "from", isFlag: true, defaultValue: Expr(kind: .literal(.date(day)), range: SourceRange(0, 0)),
      range: SourceRange(0, 0))
    let bound = try bind(["--from", "2026-01-31"], [parameter]).get()
    #expect(bound["from"] == .date(try #require(DateText.parse("2026-01-31"))))
    #expect(problem(["--from", "soon"], [parameter])?.message == "--from needs a date like 2026-01-31, not 'soon'")
  }

  @Test func aStringDefaultKeepsTheText() throws {
    #expect(try bind(["--name", "42"], Self.mainParameters("--name = \"x\"")).get()["name"] == .string("42"))
  }

  @Test func aDashedFlagIsBoundAsAnUnderscoredVariable() throws {
    #expect(try bind(["--dry-run"], Self.mainParameters("--dry-run")).get()["dry_run"] == .bool(true))
  }

  @Test func anUnknownOptionSuggestsTheNearestFlag() {
    let problem = problem(["alice", "--dys", "7"])
    #expect(problem?.message == "unknown option --dys")
    #expect(problem?.help == "did you mean '--days'?")
  }

  @Test func aMissingPositionalIsAProblem() {
    #expect(problem([])?.message == "missing argument USER")
  }

  @Test func anExtraPositionalIsAProblem() {
    #expect(problem(["a", "b"])?.message == "unexpected argument 'b'")
  }

  @Test func aBadIntIsAProblem() {
    #expect(problem(["alice", "--days", "week"])?.message == "--days needs an int, not 'week'")
  }

  @Test func aFlagWithoutItsValueIsAProblem() {
    #expect(problem(["alice", "--days"])?.message == "--days needs a value")
  }

  @Test func helpListsEveryParameter() {
    let text = MainArguments.help(script: "offboard.dsh", Self.mainParameters("user, n = 1, --days = 30, --report"))
    #expect(
      text == """
        usage: dsh offboard.dsh USER [N] [--days N] [--report]

        parameters:
          USER            required
          N               int, default 1
          --days          int, default 30
          --report        a switch

        """)
  }
}
