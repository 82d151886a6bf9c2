import Foundation
import Testing

@testable import DSHLanguage

/// `open`'s JSON reader gives back the pages the parser has passed while it parses: every
/// value still comes out whole, and an error after a release keeps its line and column.
@Suite struct JSONFileTests {
  /// A JSON file of `rows` records, one per line, parsed with a release every 4 KiB.
  static func parse(_ text: String) throws -> Value {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-json-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let buffer = try RegularFile.load(path, limit: 1 << 24)
    return try JSONFile(buffer: buffer, shown: "f.json", releaseStep: 4096).value()
  }

  static func rows(_ count: Int) -> String {
    (0..<count).map { "{\"id\": \($0), \"ip\": \"10.1.\($0 % 256).1\", \"page\": \"/rooms/\($0)\"},\n" }.joined()
  }

  @Test func everyRecordSurvivesTheReleases() throws {
    let value = try Self.parse("[\n" + Self.rows(5000) + "{\"id\": 5000}\n]\n")
    let ids = try #require(value.asList).compactMap { $0.asRecord?["id"]?.asInt }
    #expect(ids == Array(0...5000))
    #expect(value.asList?[4999].asRecord?["page"] == .string("/rooms/4999"))
  }

  @Test func anErrorAfterTheReleasesKeepsItsLineAndColumn() throws {
    #expect {
      try Self.parse("[\n" + Self.rows(5000) + "{\"id\" 5000}\n]\n")
    } throws: { error in
      (error as? CommandFailure)?.message == "f.json:5002:7: invalid JSON: expected ':' in JSON"
    }
  }

  @Test func aByteOrderMarkDoesNotShiftTheColumn() throws {
    #expect {
      try Self.parse("\u{FEFF}[1, }")
    } throws: { error in
      (error as? CommandFailure)?.message.hasPrefix("f.json:1:5: invalid JSON") == true
    }
  }
}
