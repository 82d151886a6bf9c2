import DSHLanguage
import Foundation
import Testing

@Suite struct EvaluatorTests {
  @Test(arguments: [
    ("10 / 4", "2.5"), ("10 / 2", "5"), ("2 + 3 * 4", "14"), ("-2 * -3", "6"), ("7 % 3", "1"),
    ("\"a\" + \"b\"", "ab"), ("not true or true", "true"), ("1 < 2 and 2 <= 2", "true"),
    ("\"abc\" =~ '^a'", "true"), ("\"abc\" !~ 'z'", "true"), ("2 in [1, 2]", "true"), ("90s", "1m30s"),
    ("2h + 30m", "2h30m"), ("[1, 2, 3][-1]", "3"), ("{a: {b: 5}}.a.b", "5"), ("[{x: 1}, {x: 2}].x | count", "2"),
  ])
  func expressionsEvaluate(_ code: String, _ expected: String) async {
    #expect(await evaluate("print (\(code))").output == expected + "\n")
  }

  @Test func nowMinusADurationIsAnEarlierDate() async {
    #expect(await evaluate("print ((now - 7d) < now) ((now - 7d) > \"2000-01-01\")").output == "true true\n")
  }

  @Test func aDateEqualsTheISOStringOfTheSameInstant() async {
    #expect(
      await evaluate(
        "$d = '[\"2026-07-10T15:04:05+03:00\"]' | from json; print ($d[0] == \"2026-07-10T15:04:05+03:00\")"
      ).output == "true\n")
  }

  @Test func variablesInsideDefinitionsAreLocal() async {
    let result = await evaluate("$x = 1\ndef f [] { $x = 2; $x }\nprint (f) $x")
    #expect(result.output == "2 1\n")
  }

  @Test func loopsAtTopLevelUpdateGlobals() async {
    #expect(await evaluate("$n = 0\nfor $i in [1, 2, 3] { $n = $n + $i }\nprint $n").output == "6\n")
  }

  @Test func errorInsideCatchIsARecord() async {
    let result = await evaluate("try { undefinedthing } catch { print $error.kind $error.code }")
    #expect(result.output == "runtime E202\n" || result.output == "usage E202\n")
  }

  @Test func breakOutsideALoopIsAnError() async {
    guard case .controlOutsideLoop? = await evaluate("break").runtimeError else {
      Issue.record("expected controlOutsideLoop")
      return
    }
  }

  @Test func runawayRecursionStopsWithAnError() async {
    guard case .recursionTooDeep? = await evaluate("def f [] { f }\nf").runtimeError else {
      Issue.record("expected recursionTooDeep")
      return
    }
  }

  @Test func integerOverflowIsAnErrorNotACrash() async {
    guard case .integerOverflow(let symbol, _)? = await evaluate("print (9223372036854775807 + 1)").runtimeError else {
      Issue.record("expected an overflow error")
      return
    }
    #expect(symbol == "+")
  }

  @Test func exitGivesItsCode() async {
    #expect(await evaluate("exit 7").result == .exited(7))
  }

  @Test func anUnknownFieldInWhereNamesTheKnownOnes() async {
    guard case .unknownField(let name, _, let known, _)? = await evaluate("[{ab: 1}] | where ac == 1").runtimeError
    else {
      Issue.record("expected unknownField")
      return
    }
    #expect(name == "ac")
    #expect(known == ["ab"])
  }

  @Test func sortIsStable() async {
    let code =
      "[{k: 1, v: \"a\"}, {k: 0, v: \"b\"}, {k: 1, v: \"c\"}, {k: 0, v: \"d\"}] | sort k | get v | to json --compact"
    #expect(await evaluate(code).output == "[\"b\",\"d\",\"a\",\"c\"]\n")
  }

  @Test func argsHoldsScriptArguments() async {
    let host = TestHost()
    let interpreter = Interpreter(registry: CommandRegistry(DataCommands.all), host: host, arguments: ["a", "b"])
    let program = try! await interpreter.parse(Source(name: "t", text: "print ($args | count) $args[1]")).get()
    _ = try? await interpreter.run(program)
    #expect(host.output == "2 b\n")
  }
}
