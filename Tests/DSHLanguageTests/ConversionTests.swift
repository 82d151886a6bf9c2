import DSHLanguage
import Testing

/// `into TYPE`: what converts, element-wise on lists, and errors that show the value.
@Suite struct ConversionTests {
  func json(_ code: String) async -> String {
    await evaluate("print (\(code) | to json --compact)").output
  }

  func failure(_ code: String) async -> String {
    await evaluate(code).runtimeError?.message ?? "no error"
  }

  @Test func intFromTextNumbersAndBools() async {
    #expect(await json("[\" 42 \", \"-7\", 3.9, -3.9, true, 90s] | into int") == "[42,-7,3,-3,1,90]\n")
  }

  @Test func intFromAFloatString() async {
    #expect(await json("\"2.0\" | into int") == "2\n")
  }

  @Test func floatFromTextAndInt() async {
    #expect(await json("[\"2.5\", 2, \"1e3\"] | into float") == "[2.5,2.0,1000.0]\n")
  }

  @Test func floatRefusesInfinity() async {
    #expect(await failure("\"inf\" | into float").contains("cannot convert string \"inf\" into float"))
  }

  @Test func stringOfAnyScalar() async {
    #expect(await json("[1, 2.5, true, 90s] | into string") == "[\"1\",\"2.5\",\"true\",\"1m30s\"]\n")
  }

  @Test func dateFromISOAndPlainDay() async {
    #expect(
      await json("[\"2026-07-10T14:04:05+02:00\", \"2026-07-10\"] | into date")
        == "[\"2026-07-10T12:04:05Z\",\"2026-07-10T00:00:00Z\"]\n")
  }

  @Test func dateFromSecondsSince1970() async {
    #expect(await json("0 | into date") == "\"1970-01-01T00:00:00Z\"\n")
  }

  @Test func anImpossibleDayIsNotADate() async {
    #expect(await failure("\"2026-02-30\" | into date").contains("cannot convert string \"2026-02-30\" into date"))
  }

  @Test func durationsWithSeveralUnits() async {
    #expect(
      await json("[\"30d\", \"90s\", \"1h30m\", \"250ms\", 60] | into duration")
        == "[2592000.0,90.0,5400.0,0.25,60.0]\n")
  }

  @Test func aDurationWithoutAUnitIsRefused() async {
    #expect(await failure("\"30\" | into duration").contains("into duration"))
  }

  @Test func aDurationWithAnUnknownUnitIsRefused() async {
    #expect(await failure("\"3y\" | into duration").contains("\"3y\""))
  }

  @Test func boolWords() async {
    #expect(
      await json("[\"true\", \"NO\", \"on\", \"Off\", \"1\", \"0\", \"yes\", 0] | into bool")
        == "[true,false,true,false,true,false,true,false]\n")
  }

  @Test func boolRefusesOtherWords() async {
    #expect(await failure("\"maybe\" | into bool").contains("cannot convert string \"maybe\" into bool"))
  }

  @Test func theFailingItemIsNamed() async {
    #expect(await failure("[\"1\", \"x\"] | into int").contains("(item 1)"))
  }

  @Test func aLongValueIsShortenedInTheMessage() async {
    let message = await failure("\"\(String(repeating: "z", count: 500))\" | into int")
    #expect(message.contains("…"))
    #expect(message.count < 150)
  }

  @Test func controlCharactersInTheValueAreEscaped() async {
    #expect(await failure("\"a\\nb\" | into int").contains("\"a\\nb\""))
  }

  @Test func anUnknownTypeSuggestsOne() async {
    let result = await evaluate("1 | into integer")
    guard case .invalidArgument(_, let problem, _)? = result.runtimeError else {
      Issue.record("expected a failure")
      return
    }
    #expect(problem.help?.contains("int") == true)
  }

  @Test func aRecordDoesNotConvert() async {
    #expect(await failure("{a: 1} | into int").contains("cannot convert record"))
  }
}
