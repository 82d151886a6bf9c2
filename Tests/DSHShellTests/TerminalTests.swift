import DSHShell
import Foundation
import Testing

/// The standard terminal's writes to real descriptors.
@Suite struct TerminalTests {
  @Test func aFullDiskIsRememberedAsTheOutputFailure() throws {
    let full = open("/dev/full", O_WRONLY)
    try #require(full >= 0)
    defer { close(full) }
    let terminal = Terminal.standard(environment: [:], output: full, error: full)
    #expect(terminal.outputFailure() == nil)
    terminal.writeOut("sessions\n")
    terminal.writeOut("more\n")
    #expect(terminal.outputFailure() == "cannot write to standard output: No space left on device")
  }

  @Test func aClosedPipeIsRememberedAsTheOutputFailure() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    defer { close(ends[1]) }
    close(ends[0])
    // Ignored for the whole test process, as a write to a closed pipe would otherwise end it.
    signal(SIGPIPE, SIG_IGN)
    let terminal = Terminal.standard(environment: [:], output: ends[1], error: ends[1])
    terminal.writeOut("x\n")
    #expect(terminal.outputFailure() == "cannot write to standard output: Broken pipe")
  }

  @Test func successfulWritesReachTheDescriptorAndReportNoFailure() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-terminal-\(UUID().uuidString)").path
    let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(file >= 0)
    defer { unlink(path) }
    let terminal = Terminal.standard(environment: [:], output: file, error: file)
    terminal.writeOut("a\u{1B}b\n")
    close(file)
    #expect(terminal.outputFailure() == nil)
    #expect(FileManager.default.contents(atPath: path) == Data("a\u{1B}b\n".utf8))
  }
}

/// What a session's output looks like on a terminal and in a pipe.
@Suite struct ShellOutputTests {
  /// Runs `program` offline with stdout flagged as a terminal or not; returns stdout and stderr.
  func run(_ program: String, stdoutIsTTY: Bool) async -> (out: String, err: String) {
    let capture = Capture()
    let terminal = Terminal(
      writeOut: { capture.out($0) }, writeErr: { capture.err($0) }, stdoutIsTTY: stdoutIsTTY, stderrIsTTY: true,
      width: { 100 }, colorAllowed: false)
    await Session(Session.Options(terminal: terminal)).run(program, origin: "t.dsh")
    return (capture.stdout, capture.stderr)
  }

  let hostile = #"('"a\u001b]0;x\u0007\tb\u009bc"' | from json)"#

  @Test func printEscapesControlsOnATerminal() async {
    #expect(await run("print \(hostile)", stdoutIsTTY: true).out == "a\\e]0;x\\u{7}\tb\\u{9b}c\n")
  }

  @Test func printWritesExactBytesIntoAPipe() async {
    #expect(await run("print \(hostile)", stdoutIsTTY: false).out == "a\u{1B}]0;x\u{7}\tb\u{9B}c\n")
  }

  @Test func aScalarResultIsEscapedOnATerminalAndExactInAPipe() async {
    let program = "[{browser: \(hostile)}] | to csv"
    #expect(await run(program, stdoutIsTTY: true).out == "browser\na\\e]0;x\\u{7}\tb\\u{9b}c\n")
    #expect(await run(program, stdoutIsTTY: false).out.contains("a\u{1B}]0;x\u{7}\tb\u{9B}c"))
  }

  @Test func errorsOnStderrAreEscaped() async {
    let err = await run("$x = \(hostile); $x.nope", stdoutIsTTY: false).err
    #expect(!err.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
  }
}
