import DSHLanguage
import Testing

/// Input a careless editor or a broken pipe can produce: each gives a diagnostic or runs.
@Suite struct BadInputTests {
  @Test func invalidUTF8IsRefusedWithTheOffset() {
    #expect(throws: ScriptFile.ReadError.self) { try ScriptFile.decode([0x70, 0x72, 0xFF, 0x0A]) }
    do {
      _ = try ScriptFile.decode(Array("print 1\n".utf8) + [0xC3, 0x28])
    } catch {
      #expect(error.message.contains("offset 8"))
    }
  }

  @Test func aByteOrderMarkIsSkipped() async throws {
    let text = try ScriptFile.decode([0xEF, 0xBB, 0xBF] + Array("print 1".utf8))
    #expect(await evaluate(text).output == "1\n")
  }

  @Test func crlfLineEndingsRun() async {
    #expect(await evaluate("print 1\r\nprint 2\r\n").output == "1\n2\n")
  }

  @Test func aNulByteIsASyntaxError() async {
    let result = await evaluate("print 1\u{0}")
    #expect(result.syntaxErrors.first?.message == "unexpected NUL byte")
  }

  @Test func anUnterminatedStringSaysWhatToDo() async {
    let result = await evaluate("print \"abc")
    #expect(result.syntaxErrors.first?.message.contains("add the closing quote") == true)
  }

  @Test func aLoneBackslashIsAnError() async {
    #expect(await evaluate("\\").syntaxErrors.first?.message == "unexpected '\\'")
  }

  @Test func anEmptyProgramRunsAndDoesNothing() async {
    let result = await evaluate("")
    #expect(result.result == .completed)
    #expect(result.output.isEmpty)
  }

  @Test func anUnknownEscapeIsNamed() async {
    #expect(await evaluate("print \"\\q\"").syntaxErrors.first?.message.contains("\\q") == true)
  }
}
