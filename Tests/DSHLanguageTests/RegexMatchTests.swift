import DSHLanguage
import Testing

/// `=~` and `!~`: plain patterns (searched for as text) and real regexes give what a regex
/// would, and a pattern used on many rows is compiled once and still right on every row.
@Suite struct RegexMatchTests {
  func result(_ code: String) async -> String {
    await evaluate("print (\(code))").output
  }

  @Test(arguments: [
    (#""a10.1b" =~ '10\.1'"#, "true"), (#""10x1" =~ '10\.1'"#, "false"), (#""x10.1" =~ '^10\.1'"#, "false"),
    (#""10.1.2.3" =~ '^10\.1'"#, "true"), (#""Zürich" =~ 'rich'"#, "true"), (#""Zürich" =~ 'Zu'"#, "false"),
    (#""abc" =~ ''"#, "true"), (#""abc" =~ '^'"#, "true"), (#""a\\b" =~ 'a\\b'"#, "true"),
    (#""aaab" =~ 'aab'"#, "true"), (#""Chrome 131" !~ 'Chrome 1'"#, "false"), (#""x" =~ '^xy'"#, "false"),
    (#"42 =~ '^4'"#, "true"),
  ])
  func plainPatternsMatchAsRegexesDo(code: String, expected: String) async {
    #expect(await result(code) == expected + "\n")
  }

  @Test(arguments: [
    (#""abc" =~ 'a.c'"#, "true"), (#""abc" =~ '^b'"#, "false"), (#""abc" =~ 'c$'"#, "true"),
    (#""ABC" =~ '(?i)abc'"#, "true"), (#""a1" =~ '\d'"#, "true"), (#""ab" =~ 'x|b'"#, "true"),
  ])
  func otherPatternsAreRegexes(code: String, expected: String) async {
    #expect(await result(code) == expected + "\n")
  }

  @Test func aPatternUsedOnEveryRowGivesEachRowsAnswer() async {
    let rows = (0..<2000).map { "{ip: \"10.\($0 % 4).0.1\"}" }.joined(separator: ", ")
    #expect(await result("[\(rows)] | where ip =~ '^10\\.1\\.' | count") == "500\n")
    #expect(await result("[\(rows)] | where ip !~ '^10\\.[12]\\.' | count") == "1000\n")
  }

  @Test func anInvalidPatternIsStillAnErrorEachTime() async {
    for _ in 0..<2 {
      let error = await evaluate("\"a\" =~ '('").runtimeError
      #expect(error != nil)
    }
  }
}
