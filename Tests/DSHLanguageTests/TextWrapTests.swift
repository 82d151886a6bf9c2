import Testing

@testable import DSHLanguage

/// Long values and help text broken into lines that fit, with nothing lost.
@Suite struct TextWrapTests {
  static let link =
    "https://portal.example.com/confirm/PasswordChange?type=PasswordChange&email=olivia.owner%40example.com"
    + "&first=true&key=" + String(repeating: "a1B2c3D4e5", count: 8) + "f6"

  @Test func theLinkUnderTestIsTwoHundredCharactersWithoutASpace() {
    #expect(Self.link.count == 200)
    #expect(!Self.link.contains(" "))
  }

  @Test(arguments: [40, 60, 100])
  func aLongURLWrapsToTheWidthWithNothingLost(width: Int) {
    let lines = TextWrap.lines(Self.link, width: width)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= width })
    #expect(lines.joined() == Self.link)
  }

  @Test func aLongWordBreaksAfterASeparatorInTheLinesSecondHalf() {
    let lines = TextWrap.lines("https://portal.example.com/rooms/shared/filter", width: 30)
    #expect(lines == ["https://portal.example.com/", "rooms/shared/filter"])
  }

  @Test func aWordWithNoSeparatorBreaksAtTheWidth() {
    #expect(TextWrap.lines(String(repeating: "x", count: 25), width: 10) == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
  }

  @Test func textBreaksAtSpacesAndNoWordIsSplit() {
    let text = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
    let lines = TextWrap.lines(text, width: 24)
    #expect(lines.allSatisfy { $0.count <= 24 })
    #expect(lines.joined(separator: " ") == text)
    let words = Set(text.split(separator: " "))
    #expect(lines.allSatisfy { $0.split(separator: " ").allSatisfy(words.contains) })
  }

  @Test func aShortTextIsOneLine() {
    #expect(TextWrap.lines("198.51.100.248", width: 40) == ["198.51.100.248"])
    #expect(TextWrap.lines("", width: 40) == [""])
  }

  @Test func theFirstLineMayBeNarrowerThanTheRest() {
    #expect(TextWrap.lines("aaa bbb ccc ddd", width: 7, first: 3) == ["aaa", "bbb ccc", "ddd"])
  }

  // MARK: Prose (help)

  @Test func proseBreaksAParagraphAtWords() {
    let text = "from csv reads RFC 4180 CSV (the first row names the fields, values are strings)\n"
    let wrapped = TextWrap.prose(text, width: 30)
    #expect(
      wrapped == """
        from csv reads RFC 4180 CSV
        (the first row names the
        fields, values are strings)

        """)
  }

  @Test func aNameAndSummaryLineContinuesUnderItsSummary() {
    let wrapped = TextWrap.prose("  --width N  the width of the table, in characters", width: 30)
    #expect(
      wrapped == """
          --width N  the width of the
                     table, in
                     characters
        """)
  }

  @Test func anIndentedLineContinuesTwoFurtherIn() {
    let wrapped = TextWrap.prose("  # end every session of the user but the shell's own", width: 30)
    #expect(wrapped == "  # end every session of the\n    user but the shell's own")
    let usage = TextWrap.prose("  revoke-user USER... [--yes] [--dry-run] [--expect-count N]", width: 30)
    #expect(usage == "  revoke-user USER... [--yes]\n    [--dry-run]\n    [--expect-count N]")
  }

  @Test func aSummaryThatStartsPastTheMiddleIsNotAColumn() {
    let wrapped = TextWrap.prose("  revoke-others-and-more  End all your sessions", width: 30)
    #expect(wrapped == "  revoke-others-and-more  End\n    all your sessions")
  }

  @Test func proseThatFitsIsLeftAsItIs() {
    let text = "Usage:\n  to FORMAT [--compact] [--width N]\n\n"
    #expect(TextWrap.prose(text, width: 40) == text)
    #expect(TextWrap.prose(text, width: Int.max) == text)
  }

  @Test(arguments: [40, 60, 100])
  func everyCommandsHelpFitsTheWidthAndKeepsEveryCharacter(width: Int) {
    let registry = CommandRegistry(DataCommands.all)
    for text in [HelpText.overview(registry)] + registry.all.map(HelpText.command) {
      let wrapped = TextWrap.prose(text, width: width)
      let long = wrapped.split(separator: "\n").filter { $0.count > width }
      #expect(long.isEmpty, "\(long)")
      #expect(wrapped.filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
    }
  }
}
