import DSHLanguage
import Foundation
import Testing

/// Scripts and sourced files are read bounded: only regular files, at most 16 MiB.
@Suite struct ScriptFileTests {
  @Test func aDeviceIsRefusedInsteadOfReadForever() {
    #expect(throws: ScriptFile.ReadError.self) { _ = try ScriptFile.read("/dev/zero") }
    do {
      _ = try ScriptFile.read("/dev/zero")
    } catch {
      #expect(error.message == "it is not a regular file")
    }
  }

  @Test func aDirectoryIsNamedAsSuch() {
    do {
      _ = try ScriptFile.read(FileManager.default.temporaryDirectory.path)
      Issue.record("expected a refusal")
    } catch {
      #expect(error.message == "it is a directory")
    }
  }

  @Test func aMissingFileIsNamedAsSuch() {
    do {
      _ = try ScriptFile.read("/nonexistent-\(UUID().uuidString).dsh")
      Issue.record("expected a refusal")
    } catch {
      #expect(error.message == "no such file")
    }
  }

  @Test func aFileOverTheLimitIsRefusedWithTheLimit() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-big-\(UUID().uuidString).dsh").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(ScriptFile.maximumSize + 1))
    try handle.close()
    do {
      _ = try ScriptFile.read(path)
      Issue.record("expected a refusal")
    } catch {
      #expect(error.message.contains("larger than 16 MiB"))
    }
  }

  @Test func sourcingADeviceIsACheckError() throws {
    let program = try parse("print 1\nsource \"/dev/zero\"").get()
    let findings = ProgramChecker.check(program, in: CheckContext(registry: CommandRegistry(DataCommands.all)))
    #expect(findings.errors.map(\.error.message) == ["cannot source '/dev/zero': it is not a regular file"])
  }

  @Test func aDurationWrittenWithASpaceIsNamedInASyntaxError() {
    guard case .failure(let errors) = parse("print (now - 30 days)") else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(errors.errors[0].message.contains("a duration has no space: 30d"))
  }
}
