import Foundation
import Testing

/// `--version` on both executables and `version` in the shell say the same release.
@Suite struct VersionTests {
  /// The number in Sources/DSHVersion/Version.swift, read from the source.
  static func sourceVersion() throws -> String {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/DSHVersion/Version.swift")
    let text = try String(contentsOf: file, encoding: .utf8)
    let match = try #require(text.firstMatch(of: /static let number = "([^"]+)"/))
    return String(match.1)
  }

  @Test func dshVersionPrintsTheSourceVersion() async throws {
    let result = try await Binaries.run(Binaries.dsh, ["--version"])
    #expect(result.code == 0)
    #expect(result.stdout.hasPrefix("dsh \(try Self.sourceVersion())"), "\(result.stdout)")
  }

  @Test func dshSimVersionPrintsTheSourceVersion() async throws {
    let result = try await Binaries.run(Binaries.dshSim, ["--version"])
    #expect(result.code == 0)
    #expect(result.stdout.hasPrefix("dsh-sim \(try Self.sourceVersion())"), "\(result.stdout)")
  }

  @Test func theVersionCommandAgreesWithTheFlag() async throws {
    let flag = try await Binaries.run(Binaries.dsh, ["--version"])
    let command = try await Binaries.run(Binaries.dsh, ["--output", "json", "-c", "version"])
    #expect(command.code == 0, "\(command.stderr)")
    let record = try #require(
      try JSONSerialization.jsonObject(with: Data(command.stdout.utf8)) as? [String: Any], "\(command.stdout)")
    let version = try #require(record["version"] as? String)
    let commit = record["commit"] as? String
    let expected = "dsh " + (commit.map { "\(version) (commit \($0))" } ?? version)
    #expect(flag.stdout.trimmingCharacters(in: .newlines) == expected)
  }
}
