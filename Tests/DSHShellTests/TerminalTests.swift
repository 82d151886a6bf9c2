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
