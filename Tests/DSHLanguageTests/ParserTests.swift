import Testing

@testable import DSHLanguage

@Suite struct ParserTests {
  @Test func aProgramIsStatementsSeparatedByNewlinesOrSemicolons() throws {
    let program = try parse("$a = 1; $b = 2\nprint $a $b").get()
    #expect(program.statements.count == 3)
  }

  @Test func aTrailingPipeContinuesOnTheNextLine() async {
    #expect(await evaluate("[1, 2, 3] |\n  where $it > 1 |\n  count").output == "2\n")
  }

  @Test func aBackslashContinuesTheLine() async {
    #expect(await evaluate("print 1 \\\n  2").output == "1 2\n")
  }

  @Test func openBracketsContinueOverLines() async {
    #expect(await evaluate("$x = [\n 1,\n 2\n]\nprint ($x | count)").output == "2\n")
  }

  @Test func commentsAndAShebangAreIgnored() async {
    #expect(await evaluate("#!/usr/bin/env dsh\nprint 1 # not this\n# nor this").output == "1\n")
  }

  @Test func severalSyntaxErrorsAreReportedTogether() {
    guard case .failure(let errors) = parse("print (1 +\n\n$x = ]\nprint \"ok\"\n{a: }") else {
      Issue.record("expected syntax errors")
      return
    }
    #expect(errors.errors.count >= 3)
  }

  @Test func syntaxErrorsAreInSourceOrder() {
    guard case .failure(let errors) = parse("$x = ]\nprint \"open") else {
      Issue.record("expected syntax errors")
      return
    }
    let starts = errors.errors.map(\.range.start)
    #expect(starts == starts.sorted())
  }

  @Test func assignmentIsNotComparison() {
    guard case .failure(let errors) = parse("[1] | where $it = 1") else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(errors.errors[0].message.contains("use '=='"))
  }

  @Test func ten_thousandOpenBracketsGiveAnErrorNotACrash() {
    for opener in ["(", "[", "{"] {
      let text = "print " + String(repeating: opener, count: 10_000)
      guard case .failure(let errors) = parse(text) else {
        Issue.record("expected an error for \(opener)")
        continue
      }
      #expect(!errors.errors.isEmpty)
    }
  }

  @Test func deepNestingWithinTheLimitStillWorks() async {
    let text = "print " + String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
    #expect(await evaluate(text).output == "1\n")
  }

  @Test func aBareWordArgumentIsAString() async {
    #expect(await evaluate("print alice@example.com /api/2.0/people").output == "alice@example.com /api/2.0/people\n")
  }

  @Test func elseMayStartTheNextLine() async {
    #expect(await evaluate("if false { print 1 }\nelse { print 2 }").output == "2\n")
  }

  @Test func errorsFarIntoALongScriptKeepTheirPlaces() {
    let line = "$a = [1, \"s\", {a: 1}] | count\n"
    let text =
      String(repeating: line, count: 3_000) + "print \"\\q\"\n" + String(repeating: line, count: 3_000) + "$b = ]\n"
    guard case .failure(let errors) = parse(text) else {
      Issue.record("expected syntax errors")
      return
    }
    let escape = 3_000 * line.utf8.count + 7
    #expect(errors.errors.map(\.range.start) == [escape, escape + 4 + 3_000 * line.utf8.count + 5])
    #expect(errors.errors.first?.message.hasPrefix("unknown escape '\\q'") == true)
    #expect(errors.errors.last?.message == "expected a value, found ']'")
  }

  @Test func aLexicalErrorAfterWhereAnInterpolationStopsIsReported() {
    guard case .failure(let errors) = parse("print \"${1 ) `}\"") else {
      Issue.record("expected syntax errors")
      return
    }
    #expect(errors.errors.map(\.message) == ["expected '}' closing the interpolation, found ')'", "unexpected '`'"])
  }
}
