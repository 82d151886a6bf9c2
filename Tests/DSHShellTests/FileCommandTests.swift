import DSHLanguage
import DSHShell
import Foundation
import Testing

/// `open` and `save` on real files in a fresh temporary directory.
@Suite final class FileCommandTests {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-files-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// A path written as a dsh string literal.
  func quoted(_ name: String) -> String { Value.string(path(name)).sourceText }

  func write(_ name: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: directory.appendingPathComponent(name))
  }

  func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

  func contents(_ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }

  /// Runs `code` in a fresh session; stdout, stderr and the exit code.
  func run(_ code: String, interactive: Bool = false) async throws -> (out: String, err: String, code: Int32) {
    let shell = try await TestShell.start(as: nil, interactive: interactive)
    let outcome = await shell.run(code)
    await shell.stop()
    return (shell.capture.stdout, shell.capture.stderr, outcome.code)
  }

  // MARK: open

  @Test func openJSONGivesAValue() async throws {
    try write("u.json", #"{"users": [{"email": "a@x"}, {"email": "b@x"}]}"#)
    let result = try await run("open \(quoted("u.json")) | get users | get email | to json --compact")
    #expect(result.out == "[\"a@x\",\"b@x\"]\n")
  }

  @Test func openCSVGivesRecordsFromACRLFFile() async throws {
    try write("allowed.csv", "country,note\r\nDE,\"main, office\"\r\nFR,\r\n")
    let result = try await run("open \(quoted("allowed.csv")) | to json --compact")
    #expect(result.out == #"[{"country":"DE","note":"main, office"},{"country":"FR","note":""}]"# + "\n")
  }

  @Test func theExtensionIsCaseInsensitive() async throws {
    try write("A.CSV", "n\n1\n")
    #expect(try await run("open \(quoted("A.CSV")) | get n | to json --compact").out == "[\"1\"]\n")
  }

  @Test func otherFilesAreText() async throws {
    try write("list.txt", "a@x\r\nb@x\n")
    #expect(try await run("open \(quoted("list.txt")) | lines | to json --compact").out == "[\"a@x\",\"b@x\"]\n")
  }

  @Test func rawGivesTheTextOfAJSONFile() async throws {
    try write("v.json", "[1]\n")
    #expect(try await run("open \(quoted("v.json")) --raw | length").out == "4\n")
  }

  @Test func jsonFlagParsesAnyFile() async throws {
    try write("v.txt", "[1, 2]")
    #expect(try await run("open \(quoted("v.txt")) --json | length").out == "2\n")
  }

  @Test func badJSONNamesTheFileLineAndColumn() async throws {
    try write("bad.json", "{\n  \"a\": 1,\n  \"b\" 2\n}\n")
    let result = try await run("open \(quoted("bad.json"))")
    #expect(result.err.contains("\(path("bad.json")):3:7: invalid JSON: expected ':'"))
    #expect(result.code == 1)
  }

  @Test func aJSONStringThatIsNotUTF8NamesTheLineAndColumnOfTheBadByte() async throws {
    try write("latin1.json", Array("[\n  \"ab".utf8) + [0xE9] + Array("\"]\n".utf8))
    let result = try await run("open \(quoted("latin1.json"))")
    #expect(result.err.contains("\(path("latin1.json")):2:6: invalid JSON: a string that is not valid UTF-8 text"))
    #expect(result.code == 1)
  }

  @Test func aJSONByteOrderMarkIsDropped() async throws {
    try write("bom.json", [0xEF, 0xBB, 0xBF] + Array("[1, 2]".utf8))
    #expect(try await run("open \(quoted("bom.json")) | length").out == "2\n")
  }

  @Test func aRepeatedJSONKeyKeepsItsFirstPlaceAndItsLastValue() async throws {
    try write("dup.json", "{\"a\": 1, \"b\": 2, \"a\": 3}")
    #expect(try await run("open \(quoted("dup.json")) | to json --compact").out == "{\"a\":3,\"b\":2}\n")
  }

  @Test func badCSVQuotingNamesTheFileLineAndColumn() async throws {
    try write("bad.csv", "a,b\r\n1,2\r\n3,x\"y\r\n")
    let result = try await run("open \(quoted("bad.csv"))")
    #expect(result.err.contains("\(path("bad.csv")):3:4: invalid CSV: a quote inside an unquoted field"))
  }

  @Test func aMissingFileIsNamed() async throws {
    let result = try await run("open \(quoted("nope.csv"))")
    #expect(result.err.contains("cannot open '\(path("nope.csv"))': no such file"))
    #expect(result.code == 1)
  }

  @Test func aDirectoryIsNamed() async throws {
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("d"), withIntermediateDirectories: false)
    #expect(try await run("open \(quoted("d"))").err.contains("': it is a directory"))
  }

  @Test func anUnreadableFileIsNamed() async throws {
    guard geteuid() != 0 else { return }  // root reads every file
    try write("secret.txt", "x")
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path("secret.txt"))
    #expect(try await run("open \(quoted("secret.txt"))").err.contains("it is not readable (permission denied)"))
  }

  @Test func invalidUTF8IsRefusedWithTheOffset() async throws {
    try write("latin1.txt", [0x61, 0x62, 0xE9, 0x0A])
    #expect(
      try await run("open \(quoted("latin1.txt"))").err.contains("it is not valid UTF-8 text (bad byte at offset 2)"))
  }

  @Test func aByteOrderMarkIsDropped() async throws {
    try write("bom.csv", [0xEF, 0xBB, 0xBF] + Array("a\n1\n".utf8))
    #expect(try await run("open \(quoted("bom.csv")) | get a | to json --compact").out == "[\"1\"]\n")
  }

  @Test func aFileOverTheLimitIsRefusedBeforeReading() async throws {
    try write("big.txt", "")
    let handle = try FileHandle(forWritingTo: directory.appendingPathComponent("big.txt"))
    try handle.truncate(atOffset: UInt64(256 << 20) + 1)
    try handle.close()
    #expect(try await run("open \(quoted("big.txt"))").err.contains("larger than 256 MiB"))
  }

  @Test(.timeLimit(.minutes(1)))
  func aHugeLineInATextFileIsRead() async throws {
    try write("long.txt", String(repeating: "z", count: 20 << 20) + "\nend\n")
    #expect(try await run("open \(quoted("long.txt")) | lines | length").out == "2\n")
  }

  @Test(.timeLimit(.minutes(1)))
  func aHugeLineInACSVFileIsRefused() async throws {
    try write("long.csv", "a\n" + String(repeating: "z", count: 9 << 20) + "\n")
    #expect(try await run("open \(quoted("long.csv"))").err.contains(":2:1: invalid CSV: a record longer than 8 MiB"))
  }

  @Test func aTildeIsTheHomeDirectory() async throws {
    let shell = try await TestShell.start(as: nil, environment: ["HOME": directory.path])
    try write("home.txt", "hi")
    await shell.run("open ~/home.txt")
    await shell.stop()
    #expect(shell.capture.stdout == "hi\n")
  }

  @Test func twoParseFlagsAreRefused() async throws {
    #expect(try await run("open x.csv --json --csv").err.contains("choose one of --json, --csv"))
  }

  @Test func openDashInTheREPLSaysTheTerminalIsNotData() async throws {
    let result = try await run("open -", interactive: true)
    #expect(result.err.contains("standard input is the terminal here"))
  }

  // MARK: save

  @Test func saveWritesAJSONFilePrettyWithMode0600() async throws {
    let result = try await run("{a: [1]} | save \(quoted("out.json"))")
    #expect(result.code == 0)
    #expect(result.out.isEmpty && result.err.isEmpty)
    #expect(try contents("out.json") == "{\n  \"a\": [\n    1\n  ]\n}\n")
    let mode = try FileManager.default.attributesOfItem(atPath: path("out.json"))[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func saveWritesCSVWithAHeader() async throws {
    _ = try await run("[{a: 1, b: \"x,y\"}] | save \(quoted("out.csv"))")
    #expect(try contents("out.csv") == "a,b\n1,\"x,y\"\n")
  }

  @Test func saveWritesAListOneItemPerLine() async throws {
    _ = try await run("[\"a\", 2, {k: 1}] | save \(quoted("out.txt"))")
    #expect(try contents("out.txt") == "a\n2\n{\"k\":1}\n")
  }

  @Test func saveEndsAStringWithALineBreak() async throws {
    _ = try await run("\"hello\" | save \(quoted("s.txt"))")
    #expect(try contents("s.txt") == "hello\n")
  }

  @Test func saveRefusesToOverwrite() async throws {
    try write("keep.txt", "old\n")
    let result = try await run("\"new\" | save \(quoted("keep.txt"))")
    #expect(result.err.contains("the file exists"))
    #expect(result.err.contains("--force replaces it"))
    #expect(result.code == 1)
    #expect(try contents("keep.txt") == "old\n")
  }

  @Test func forceReplacesAndKeepsTheMode() async throws {
    try write("keep.txt", "old old old\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path("keep.txt"))
    _ = try await run("\"new\" | save \(quoted("keep.txt")) --force")
    #expect(try contents("keep.txt") == "new\n")
    let mode = try FileManager.default.attributesOfItem(atPath: path("keep.txt"))[.posixPermissions] as? Int
    #expect(mode == 0o640)
  }

  @Test func appendAddsToTextFiles() async throws {
    _ = try await run("\"one\" | save \(quoted("log.txt")) --append; \"two\" | save \(quoted("log.txt")) --append")
    #expect(try contents("log.txt") == "one\ntwo\n")
  }

  @Test func appendToACSVFileAddsRowsInItsHeaderOrder() async throws {
    try write("r.csv", "user,result\r\nann,ok\r\n")
    _ = try await run("[{result: \"failed\", user: \"bo\"}] | save \(quoted("r.csv")) --append")
    #expect(try contents("r.csv") == "user,result\r\nann,ok\r\nbo,failed\n")
  }

  @Test func appendToANewCSVFileWritesTheHeader() async throws {
    _ = try await run("{u: 1} | save \(quoted("n.csv")) --append; {u: 2} | save \(quoted("n.csv")) --append")
    #expect(try contents("n.csv") == "u\n1\n2\n")
  }

  @Test func appendRefusesAFieldTheHeaderLacks() async throws {
    try write("r.csv", "user\nann\n")
    let result = try await run("{user: \"bo\", extra: 1} | save \(quoted("r.csv")) --append")
    #expect(result.err.contains("field 'extra' that the header"))
    #expect(try contents("r.csv") == "user\nann\n")
  }

  @Test func appendToJSONIsRefused() async throws {
    #expect(try await run("1 | save \(quoted("x.json")) --append").err.contains("cannot append to a .json file"))
  }

  @Test func saveIntoAMissingDirectoryIsNamed() async throws {
    #expect(try await run("1 | save \(quoted("no/such/x.txt"))").err.contains("no such directory"))
  }

  @Test func saveOntoADirectoryIsNamed() async throws {
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("d"), withIntermediateDirectories: false)
    #expect(try await run("1 | save \(quoted("d")) --force").err.contains("it is a directory"))
  }

  @Test func saveIntoAReadOnlyDirectoryIsNamed() async throws {
    guard geteuid() != 0 else { return }  // root writes everywhere
    let locked = directory.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
    try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
    #expect(try await run("1 | save \(quoted("locked/x.txt"))").err.contains("not writable (permission denied)"))
  }

  @Test(.timeLimit(.minutes(1)))
  func aPipeIsRefusedNotWaitedOn() async throws {
    guard mkfifo(path("fifo"), 0o600) == 0 else {
      Issue.record("mkfifo failed")
      return
    }
    #expect(try await run("open \(quoted("fifo"))").err.contains("it is not a regular file"))
    #expect(try await run("1 | save \(quoted("fifo")) --force").err.contains("it is not a regular file"))
  }

  @Test func whatSaveWritesOpenReadsBack() async throws {
    let code = """
      [{email: "a@x", n: 1}] | save \(quoted("rt.csv"))
      [{email: "a@x", n: 1}] | save \(quoted("rt.json"))
      print (open \(quoted("rt.csv")) | to json --compact)
      print (open \(quoted("rt.json")) | to json --compact)
      """
    #expect(try await run(code).out == "[{\"email\":\"a@x\",\"n\":\"1\"}]\n[{\"email\":\"a@x\",\"n\":1}]\n")
  }
}
