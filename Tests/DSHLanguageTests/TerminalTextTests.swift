import DSHLanguage
import Testing

/// How text from a portal or a script is made safe to show on a terminal.
@Suite struct TerminalTextTests {
  @Test func escapeIsShownAsBackslashE() {
    #expect(TerminalText.escaped("a\u{1B}[31mb", keepNewlines: false) == "a\\e[31mb")
  }

  @Test func otherC0ControlsAndDeleteBecomeUnicodeEscapes() {
    #expect(TerminalText.escaped("\u{0}\u{7}\u{8}\u{7F}", keepNewlines: false) == "\\u{0}\\u{7}\\u{8}\\u{7f}")
  }

  @Test func c1ControlsAreEscaped() {
    #expect(TerminalText.escaped("x\u{9B}31m\u{85}\u{80}", keepNewlines: false) == "x\\u{9b}31m\\u{85}\\u{80}")
  }

  @Test func newlinesAndTabsAreKeptOnlyWhenAsked() {
    #expect(TerminalText.escaped("a\tb\nc\r", keepNewlines: true) == "a\tb\nc\\r")
    #expect(TerminalText.escaped("a\tb\nc\r", keepNewlines: false) == "a\\tb\\nc\\r")
  }

  @Test func bidiOverridesAndIsolatesAreEscaped() {
    #expect(
      TerminalText.escaped("a\u{202E}b\u{2066}c\u{2069}", keepNewlines: false) == "a\\u{202e}b\\u{2066}c\\u{2069}")
  }

  @Test func aBackslashIsLeftAlone() {
    #expect(TerminalText.escaped(#"C:\temp\new"#, keepNewlines: false) == #"C:\temp\new"#)
  }

  @Test func combiningMarksWideCharactersAndEmojiAreUnchanged() {
    let text = "e\u{301} 漢字 👩‍👩‍👧 Привет ✓"
    #expect(TerminalText.escaped(text, keepNewlines: false) == text)
  }

  @Test func aCombiningMarkAfterAControlSurvivesTheEscape() {
    #expect(TerminalText.escaped("\u{7}\u{301}", keepNewlines: false) == "\\u{7}\u{301}")
  }

  @Test func theResultHoldsNoRawControlCharacter() {
    let hostile = (0..<0xA0).map { String(UnicodeScalar(UInt8($0))) }.joined()
    let shown = TerminalText.escaped(hostile, keepNewlines: false)
    #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
  }
}
