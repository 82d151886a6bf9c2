import DSHLanguage
import Testing

@Suite struct DiagnosticRendererTests {
  @Test func theCaretSitsUnderTheOffendingColumns() {
    let source = Source(name: "script.dsh", text: "print 1\n$s = sessions | where userid == \"x\"\n")
    let start = source.text.utf8.count - "userid == \"x\"\n".utf8.count
    let diagnostic = Diagnostic(
      code: "E204", message: "no field 'userid' on a session", range: SourceRange(start, start + 6), source: source,
      label: "did you mean 'userId'?")
    let expected = """
      error[E204]: no field 'userid' on a session
       --> script.dsh:2:23
        |
      2 | $s = sessions | where userid == "x"
        |                       ^^^^^^ did you mean 'userId'?
      """
    #expect(DiagnosticRenderer(color: false).render(diagnostic) == expected)
  }

  @Test func columnsCountCharactersNotBytes() {
    let source = Source(name: "t", text: "print \"é✓\" $nope")
    let start = source.text.utf8.count - 5
    let rendered = DiagnosticRenderer(color: false).render(
      Diagnostic(code: "E201", message: "m", range: SourceRange(start, start + 5), source: source))
    #expect(rendered.contains(" --> t:1:12"))
    #expect(rendered.hasSuffix("|            ^^^^^"))
  }

  @Test func colourIsOnlyAddedWhenAsked() {
    let diagnostic = Diagnostic(code: "E1", message: "m")
    #expect(!DiagnosticRenderer(color: false).render(diagnostic).contains("\u{1B}"))
    #expect(DiagnosticRenderer(color: true).render(diagnostic).contains("\u{1B}["))
  }

  @Test func suggestionsComeFromEditDistance() {
    #expect(Suggestions.closest(to: "userid", in: ["userId", "browser", "ip"]) == ["userId"])
    #expect(Suggestions.closest(to: "zzzzzz", in: ["userId", "browser"]).isEmpty)
  }
}
