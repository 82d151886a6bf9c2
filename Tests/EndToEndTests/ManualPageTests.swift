import Foundation
import Testing

/// The committed dsh-language(7), dsh-verbs(7) and docs/verbs.md are what dsh-docs writes
/// from today's command declarations: a command added or changed without `make docs` fails
/// here. (dsh(1) and dsh-sim(1) come from the argument parser's plugin: `make check-docs`.)
@Suite struct ManualPageTests {
  static let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs")

  @Test(arguments: ["man/dsh-language.7", "man/dsh-verbs.7", "verbs.md"])
  func theCommittedPageIsTheGeneratedOne(_ page: String) async throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-docs-\(UUID().uuidString)")
    let docs = Binaries.directory.appendingPathComponent("dsh-docs").path
    let result = try await Binaries.run(docs, [output.path])
    #expect(result.code == 0, "\(result.stderr)")
    let generated = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
    let onDisk = try String(contentsOf: Self.committed.appendingPathComponent(page), encoding: .utf8)
    #expect(generated == onDisk, "docs/\(page) is stale: run make docs")
  }

  @Test func theVerbsPageNamesEveryVerbWithItsHTTPCall() throws {
    let page = try String(contentsOf: Self.committed.appendingPathComponent("man/dsh-verbs.7"), encoding: .utf8)
    #expect(page.contains(".SS revoke\\-user"))
    #expect(page.contains("PUT /api/2.0/security/activeconnections/logoutall/{userId}"))
    #expect(page.contains(".SS profiles"))
  }

  @Test func theMarkdownReferenceLinksAVerbsCallToItsReferencePage() throws {
    let page = try String(contentsOf: Self.committed.appendingPathComponent("verbs.md"), encoding: .utf8)
    #expect(page.contains("### revoke-user\n"))
    #expect(page.contains("[`revoke-user`](#revoke-user)"))
    #expect(
      page.contains(
        "[`PUT /api/2.0/security/activeconnections/logoutall/{userId}`](https://api.onlyoffice.com/docspace/api-backend/"
      ))
    #expect(page.contains("**Role needed:** Owner or DocSpace admin"))
  }
}
