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

  /// The echoed source line and the caret line under it, without their gutters.
  func snippet(_ rendered: String) -> (line: String, caret: String) {
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return (String(lines[3].drop { $0 != "|" }.dropFirst(2)), String(lines[4].drop { $0 != "|" }.dropFirst(2)))
  }

  /// A diagnostic on the first occurrence of `target` in one-line `text`.
  func diagnostic(on target: String, in text: String, message: String = "m") throws -> Diagnostic {
    let source = Source(name: "t", text: text)
    let found = try #require(text.range(of: target))
    let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
    return Diagnostic(
      code: "E201", message: message, range: SourceRange(start, start + target.utf8.count), source: source)
  }

  @Test func controlsInTheMessageAndTheLineAreEscapedAndTheCaretStillPointsAtItsCharacter() throws {
    let rendered = DiagnosticRenderer(color: false).render(
      try diagnostic(on: "$nope", in: "print \"a\u{1B}[2J\u{9B}0mb\" $nope", message: "bad \u{1B}]0;x\u{7} \u{9B}31m"))
    #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    #expect(rendered.hasPrefix(#"error[E201]: bad \e]0;x\u{7} \u{9b}31m"#))
    let (line, caret) = snippet(rendered)
    #expect(line == #"print "a\e[2J\u{9b}0mb" $nope"#)
    let dollar = line.distance(from: line.startIndex, to: try #require(line.firstIndex(of: "$")))
    #expect(caret == String(repeating: " ", count: dollar) + "^^^^^")
  }

  @Test func combiningAndWideCharactersAreEchoedAsTheyAre() throws {
    let (line, caret) = snippet(
      DiagnosticRenderer(color: false).render(try diagnostic(on: "$x", in: "print \"e\u{301}漢\" $x")))
    #expect(line == "print \"e\u{301}漢\" $x")
    #expect(caret == String(repeating: " ", count: 11) + "^^")
  }

  @Test func aTokenArgumentIsMaskedInTheEchoedLine() throws {
    let token = "abcdefghij0123456789ABCDEFGHIJ0123456789"
    let rendered = DiagnosticRenderer(color: false).render(
      try diagnostic(on: "connect", in: "connect https://x --token \"\(token)\"", message: "cannot reach https://x"))
    #expect(!rendered.contains("abcdef"))
    #expect(snippet(rendered).line == "connect https://x --token \"•••\"")
    #expect(snippet(rendered).caret == "^^^^^^^")
  }

  @Test func aCaretInsideAMaskedLiteralCoversTheMask() throws {
    let rendered = DiagnosticRenderer(color: false).render(
      try diagnostic(on: "cdef", in: "api POST /x --body {password: \"abcdef\"} | print"))
    #expect(!rendered.contains("abcdef"))
    let (line, caret) = snippet(rendered)
    #expect(line == "api POST /x --body {password: \"•••\"} | print")
    #expect(caret == String(repeating: " ", count: 30) + "^^^^^")
  }

  @Test func aCaretAfterAMaskedLiteralMovesWithIt() throws {
    let rendered = DiagnosticRenderer(color: false).render(
      try diagnostic(on: "$oops", in: "$k = \"sk-proj0123456789abcdef\"; print $oops"))
    let (line, caret) = snippet(rendered)
    #expect(line == "$k = \"•••\"; print $oops")
    #expect(caret == String(repeating: " ", count: 18) + "^^^^^")
  }

  @Test func aRuntimeErrorDoesNotEchoATokenLiteral() async throws {
    let token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo"
    let source = "$r = {token: \"\(token)\"}; print (1 / 0)"
    let error = await evaluate(source).runtimeError
    let rendered = DiagnosticRenderer(color: false).render(
      try #require(error).diagnostic(in: Source(name: "t.dsh", text: source)))
    #expect(rendered.contains("{token: \"•••\"}"))
    #expect(!rendered.contains(token))
  }

  @Test func aLongLineIsCutToAWindowAroundTheCaret() throws {
    let text = String(repeating: "a", count: 5000) + " $nope " + String(repeating: "b", count: 5000)
    let (line, caret) = snippet(DiagnosticRenderer(color: false).render(try diagnostic(on: "$nope", in: text)))
    #expect(line.count <= 162)
    #expect(line.hasPrefix("…") && line.hasSuffix("…"))
    let dollar = line.distance(from: line.startIndex, to: try #require(line.firstIndex(of: "$")))
    #expect(caret == String(repeating: " ", count: dollar) + "^^^^^")
  }

  @Test func aFloodOfDiagnosticsIsCutToTwentyAndACount() {
    let source = Source(name: "flood.dsh", text: String(repeating: "\u{0}", count: 10_000) + "\n")
    let diagnostics = (0..<10_000).map {
      Diagnostic(code: "E001", message: "unexpected character", range: SourceRange($0, $0 + 1), source: source)
    }
    let output = DiagnosticRenderer(color: false).render(all: diagnostics)
    #expect(output.utf8.count < 20_000)
    #expect(output.components(separatedBy: "error[E001]").count - 1 == 20)
    #expect(output.hasSuffix("\n… and 9980 more errors\n"))
  }

  @Test func aShortListIsRenderedWholeWithoutACount() {
    let output = DiagnosticRenderer(color: false).render(all: [
      Diagnostic(code: "E1", message: "a"), Diagnostic(code: "E2", message: "b"),
    ])
    #expect(output == "error[E1]: a\nerror[E2]: b\n")
  }

  @Test func theCountNamesWarningsWhenOnlyWarningsAreLeft() {
    let warnings = (0..<3).map { _ in Diagnostic(severity: .warning, code: "W1", message: "w") }
    #expect(DiagnosticRenderer(color: false).render(all: warnings, limit: 2).hasSuffix("… and 1 more warning\n"))
  }
}
