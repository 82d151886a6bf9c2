import DSHLanguage
import Foundation
import Testing

/// Input built to exhaust the stack, the memory or the int range ends in one clear error.
@Suite struct BoundsTests {
  static func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }

  /// A program nesting 30,000 deep in a way that is not brackets, or is.
  static func deepProgram(_ name: String) -> String {
    switch name {
    case "sum": return "print (1" + repeated("+1", 30_000) + ")"
    case "product": return "print (1" + repeated(" * 1", 30_000) + ")"
    case "pipeline": return "[1]" + repeated(" | first 1", 30_000)
    case "fields": return "$r = {a: 1}\nprint $r" + repeated(".a", 30_000)
    case "indexes": return "$r = [1]\nprint $r" + repeated("[0]", 30_000)
    case "or": return "print (false" + repeated(" or false", 30_000) + ")"
    case "and": return "print (true" + repeated(" and true", 30_000) + ")"
    case "not": return "print (" + repeated("not ", 30_000) + "true)"
    case "negation": return "$y = 1\nprint (" + repeated("- ", 30_000) + "$y)"
    case "brackets": return "print " + repeated("(", 30_000) + "1" + repeated(")", 30_000)
    case "blocks": return repeated("if true { ", 30_000) + "1" + repeated(" }", 30_000)
    default: return "print " + repeated("\"${", 30_000) + "1" + repeated("}\"", 30_000)
    }
  }

  @Test(arguments: [
    "sum", "product", "pipeline", "fields", "indexes", "or", "and", "not", "negation", "brackets", "blocks",
    "interpolation",
  ])
  func aDeepProgramIsOneSyntaxError(_ name: String) async {
    let text = Self.deepProgram(name)
    let result = await evaluate(text)
    #expect(result.syntaxErrors.count == 1, "\(name): \(result.syntaxErrors.map(\.message))")
    guard case .nestedTooDeeply(let range)? = result.syntaxErrors.first else {
      Issue.record("\(name): expected nestedTooDeeply, got \(result.syntaxErrors.first.map(\.message) ?? "none")")
      return
    }
    #expect(range.start > 0 && range.start < text.utf8.count, "\(name): the caret is inside the program")
    #expect(result.syntaxErrors[0].message == "expression too deep (limit 256): split it with variables")
  }

  @Test func aLongChainWithinTheLimitStillRuns() async {
    #expect(await evaluate("print (1" + Self.repeated(" + 1", 200) + ")").output == "201\n")
  }

  @Test func theCheckerWalksADeepButAllowedProgram() throws {
    let registry = CommandRegistry(DataCommands.all)
    let text = "print (1" + Self.repeated(" + $nope", 250) + ")"
    let program = try parse(text).get()
    let findings = ProgramChecker.check(program, in: CheckContext(registry: registry))
    #expect(findings.errors.count == 250)
  }

  // MARK: Lexer

  @Test(arguments: [("NUL", "\u{0}"), ("backtick", "`"), ("control", "\u{1}")])
  func aRunOfBadBytesIsOneDiagnosticSpanningIt(_ name: String, _ byte: String) {
    let text = "print 1\n" + Self.repeated(byte, 50_000) + "\nprint 2"
    guard case .failure(let errors) = parse(text) else {
      Issue.record("\(name): expected a syntax error")
      return
    }
    #expect(errors.errors.count == 1, "\(name)")
    #expect(errors.errors.first?.range == SourceRange(8, 50_008), "\(name)")
    #expect(errors.errors.first?.message.contains("49999 more") == true, "\(name)")
  }

  @Test func aSingleBadByteKeepsItsPlainMessage() {
    guard case .failure(let errors) = parse("print `") else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(errors.errors.map(\.message) == ["unexpected '`'"])
  }

  @Test func errorsStopAfterTheLimit() {
    let lexical = Self.repeated("print \"\\q\"\n", 10_000)
    let grammatical = Self.repeated("$a = (1 +\n", 10_000)
    for text in [lexical, grammatical] {
      guard case .failure(let errors) = parse(text) else {
        Issue.record("expected syntax errors")
        continue
      }
      #expect(errors.errors.count == Parser.maximumErrors + 1)
      #expect(errors.errors.last?.message == "stopped after 100 errors")
    }
  }

  // MARK: Numbers

  @Test(arguments: [
    ("print ((-9223372036854775807 - 1) / -1)", "/", 34),
    ("print (9223372036854775807 * 2)", "*", 27), ("print (-9223372036854775807 - 2)", "-", 28),
    ("print (9223372036854775807 + 1)", "+", 27), ("$m = -9223372036854775807 - 1\nprint (-$m)", "-", 37),
  ])
  func intOverflowIsAnErrorAtTheOperator(_ code: String, _ symbol: String, _ offset: Int) async {
    guard case .integerOverflow(let named, let range)? = await evaluate(code).runtimeError else {
      Issue.record("\(code): expected integerOverflow")
      return
    }
    #expect(named == symbol, "\(code)")
    #expect(range == SourceRange(offset, offset + 1), "\(code)")
  }

  @Test func theRemainderOfTheSmallestIntByMinusOneIsZero() async {
    #expect(await evaluate("print ((-9223372036854775807 - 1) % -1)").output == "0\n")
  }

  @Test(arguments: ["print 99999999999999999999", "print 99999999999999999999d", "print 9999999999999d"])
  func aLiteralOutOfRangeIsASyntaxError(_ code: String) async {
    guard case .outOfRange? = await evaluate(code).syntaxErrors.first else {
      Issue.record("\(code): expected outOfRange")
      return
    }
  }

  @Test(arguments: [
    (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "NaN"), (1e300, "1.65344e+294w"),
    (-90, "-1m30s"), (Value.maximumDuration, "520000w"),
  ])
  func everyDurationFormats(_ seconds: Double, _ text: String) {
    #expect(Value.duration(seconds).displayText == text)
    #expect(!JSON.encode(.duration(seconds)).isEmpty)
  }

  @Test func aDateMovedOutOfRangeIsAnError() async {
    #expect(await evaluate("print (now + 520000w + 520000w)").runtimeError?.message.contains("years 1 to 9999") == true)
    #expect(DateText.format(Date(timeIntervalSince1970: .infinity)) == "9999-12-31T23:59:59Z")
  }

  // MARK: Settings

  @Test(arguments: [
    "set timeout 11m", "set timeout 520000w", "set timeout 0s", "set concurrency 65", "set concurrency 0",
  ])
  func aSettingOutOfRangeIsRefusedWithTheRange(_ code: String) async {
    guard case .invalidArgument(_, let problem, _)? = await evaluate(code).runtimeError else {
      Issue.record("\(code): expected a refusal")
      return
    }
    #expect(problem.help?.contains(code.contains("timeout") ? "1ms to 10m" : "auto|1-64") == true, "\(code)")
  }

  @Test func settingsStayInRangeWhenSetDirectly() {
    var settings = Settings()
    settings.timeout = 1e300
    settings.concurrency = .fixed(Int.max)
    #expect(settings.timeout == 600)
    #expect(settings.concurrency == .fixed(64))
  }

  // MARK: Sourcing and calls

  @Test(.timeLimit(.minutes(1)))
  func aFileThatSourcesItselfIsRefusedAsACycle() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-bounds-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = directory.appendingPathComponent("self.dsh")
    try Data("source \"self.dsh\"\n".utf8).write(to: script)
    let interpreter = Interpreter(registry: CommandRegistry(DataCommands.all), host: TestHost())
    let program = try await interpreter.parse(Source(name: script.path, text: "source \"\(script.path)\"")).get()
    do {
      _ = try await interpreter.run(program)
      Issue.record("expected an error")
    } catch {
      #expect(error.error.message == "cannot source 'self.dsh': it sources itself (self.dsh → self.dsh)")
    }
  }

  // MARK: Values

  @Test func deepJSONIsRefusedWithTheLimit() async {
    let json = Self.repeated("[", 1_000_000) + Self.repeated("]", 1_000_000)
    let result = await evaluate("'\(json)' | from json")
    #expect(result.runtimeError?.message.contains("limit 256") == true)
  }

  /// `$x = [$x]` once for every item of a 1000-item list.
  static func wrapping(_ times: Int, _ body: String) -> String {
    "$n = '[\(Array(repeating: "0", count: times).joined(separator: ","))]' | from json\n$x = 1\n"
      + "for $i in $n { \(body) }\n"
  }

  @Test func wrappingAValueInALoopIsRefusedAtTheLimit() async {
    guard case .valueTooDeep(let limit, _)? = await evaluate(Self.wrapping(1000, "$x = [$x]")).runtimeError else {
      Issue.record("expected valueTooDeep")
      return
    }
    #expect(limit == 256)
    let records = await evaluate(Self.wrapping(1000, "$x = {a: $x}"))
    #expect(records.runtimeError?.message.contains("limit 256") == true)
  }

  @Test func eachCannotNestPastTheLimit() async {
    let result = await evaluate(Self.wrapping(255, "$x = [$x]") + "[$x] | each { [$it] }")
    guard case .commandFailed(_, let failure, _)? = result.runtimeError else {
      Issue.record("expected each to refuse, got \(String(describing: result.runtimeError?.message))")
      return
    }
    #expect(failure.message.contains("limit 256"))
  }

  @Test(.timeLimit(.minutes(1)))
  func aValueSharedManyTimesIsMeasuredOnce() async {
    let result = await evaluate(Self.wrapping(200, "$x = [$x, $x]") + "print ($x | count)")
    #expect(result.output == "2\n")
  }
}
