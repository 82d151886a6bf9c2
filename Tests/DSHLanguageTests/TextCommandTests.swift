import DSHLanguage
import Testing

/// The text commands, on a string and element-wise on lists, with their errors.
@Suite struct TextCommandTests {
  /// The program's result as compact JSON.
  func json(_ code: String) async -> String {
    await evaluate("print (\(code) | to json --compact)").output
  }

  func failure(_ code: String) async -> String {
    await evaluate(code).runtimeError?.message ?? "no error"
  }

  @Test func linesSplitsOnLFAndCRLFWithoutATrailingEmptyItem() async {
    #expect(await json("\"a\\r\\nb\\nc\\r\\n\" | lines") == "[\"a\",\"b\",\"c\"]\n")
  }

  @Test func linesKeepsEmptyLinesInTheMiddle() async {
    #expect(await json("\"a\\n\\nb\" | lines") == "[\"a\",\"\",\"b\"]\n")
  }

  @Test func linesOfAnEmptyStringIsAnEmptyList() async {
    #expect(await json("\"\" | lines") == "[]\n")
  }

  @Test func fromLinesIsLines() async {
    #expect(await json("\"x\\r\\ny\\n\" | from lines") == "[\"x\",\"y\"]\n")
  }

  @Test func linesOnANumberNamesTheType() async {
    #expect(await failure("5 | lines").contains("needs a string as input, got int"))
  }

  @Test func splitKeepsEmptyItems() async {
    #expect(await json("\"a,,b\" | split \",\"") == "[\"a\",\"\",\"b\"]\n")
  }

  @Test func splitWithAMultiCharacterSeparator() async {
    #expect(await json("\"a::b::c\" | split \"::\"") == "[\"a\",\"b\",\"c\"]\n")
  }

  @Test func splitWithARegex() async {
    #expect(await json("\"a 1  b\\tc\" | split \"\\\\s+\" --regex") == "[\"a\",\"1\",\"b\",\"c\"]\n")
  }

  @Test func splitOnAListGivesAListPerItem() async {
    #expect(await json("[\"a,b\", \"c\"] | split \",\"") == "[[\"a\",\"b\"],[\"c\"]]\n")
  }

  @Test func anInvalidRegexIsAUsageErrorAtTheArgument() async {
    let result = await evaluate("\"a\" | split \"[\" --regex")
    guard case .commandFailed(_, let failure, let range)? = result.runtimeError else {
      Issue.record("expected a command failure, got \(String(describing: result.runtimeError))")
      return
    }
    #expect(failure.kind == .usage)
    #expect(failure.message.contains("invalid regular expression '['"))
    #expect(range.start == 12)
  }

  @Test func anEmptySeparatorIsRefused() async {
    #expect(await failure("\"abc\" | split \"\"").contains("SEP must not be empty"))
  }

  @Test func joinPutsTheSeparatorBetweenScalars() async {
    #expect(await evaluate("[\"a\", 2, 1.5, true, null] | join \"|\"").output == "a|2|1.5|true|\n")
  }

  @Test func joinRefusesNestedItems() async {
    #expect(await failure("[\"a\", [1]] | join \",\"").contains("item 1 is a list"))
  }

  @Test func joinOfAStringIsAnError() async {
    #expect(await failure("\"a\" | join \",\"").contains("needs a list as input, got string"))
  }

  @Test func trimRemovesWhitespaceAndLineBreaksAtBothEnds() async {
    #expect(await json("\" \\t a b \\r\\n\" | trim") == "\"a b\"\n")
  }

  @Test func trimOnAListTrimsEachItem() async {
    #expect(await json("[\" a \", \"b\\n\"] | trim") == "[\"a\",\"b\"]\n")
  }

  @Test func aListWithANonStringItemNamesTheItem() async {
    #expect(await failure("[\"a\", 3] | upcase").contains("item 1 of the list is int"))
  }

  @Test func upcaseAndDowncaseHandleNonASCII() async {
    #expect(await json("[(\"straße\" | upcase), (\"ÅSA\" | downcase)]") == "[\"STRASSE\",\"åsa\"]\n")
  }

  @Test func replaceChangesOnlyTheFirstByDefault() async {
    #expect(await json("\"a.b.c\" | replace \".\" \"-\"") == "\"a-b.c\"\n")
  }

  @Test func replaceAllChangesEvery() async {
    #expect(await json("\"a.b.c\" | replace \".\" \"-\" --all") == "\"a-b-c\"\n")
  }

  @Test func replaceTakesFromLiterallyWithoutRegex() async {
    #expect(await json("\"a+b\" | replace \"+\" \" plus \"") == "\"a plus b\"\n")
  }

  @Test func replaceRegexUsesGroups() async {
    #expect(await json("\"ann@x.com\" | replace \"^(\\\\w+)@(.*)$\" \"$2/$1\" --regex") == "\"x.com/ann\"\n")
  }

  @Test func replaceRegexAllOnAList() async {
    #expect(await json("[\"a1b2\", \"c3\"] | replace \"[0-9]\" \"#\" --regex --all") == "[\"a#b#\",\"c#\"]\n")
  }

  @Test func lengthCountsCharactersNotBytes() async {
    #expect(await evaluate("\"héllo👋\" | length").output == "6\n")
  }

  @Test func lengthOfAListIsItsCount() async {
    #expect(await evaluate("[\"ab\", \"c\", \"d\"] | length").output == "3\n")
  }

  @Test func lengthOfARecordIsAnError() async {
    #expect(await failure("{a: 1} | length").contains("needs a string or a list"))
  }

  @Test func startsWithAndEndsWithGiveBools() async {
    #expect(await json("[(\"ab\" | starts-with \"a\"), (\"ab\" | ends-with \"a\")]") == "[true,false]\n")
  }

  @Test func endsWithOnAListGivesAListOfBools() async {
    #expect(await json("[\"a@x.com\", \"b@y.com\"] | ends-with \"@x.com\"") == "[true,false]\n")
  }

  @Test func aHugeLineIsSplitWithoutTrouble() async {
    let long = String(repeating: "ab,", count: 200_000)
    let count = await evaluate("\"\(long)\" | split \",\" | length").output
    #expect(count == "200001\n")
  }
}
