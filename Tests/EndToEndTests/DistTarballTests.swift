import Foundation
import Testing

/// The release tarball (`make dist`), unpacked and run the way an admin without a Swift toolchain
/// would.
///
/// The release build is too slow for every `make test`: these run only with DSH_DIST_TEST=1 (`make
/// dist-test`), on DSH_DIST_TARBALL or the newest tarball in .build/dist.
@Suite(
  .enabled(if: ProcessInfo.processInfo.environment["DSH_DIST_TEST"] == "1", "set DSH_DIST_TEST=1 (make dist-test)"))
struct DistTarballTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The tarball's directory, unpacked into a fresh temporary directory.
  func unpacked() throws -> URL {
    let tarball = try #require(Self.tarball(), "no dsh-*-linux-*.tar.gz: run make dist")
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-dist-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    let result = try Binaries.runBlocking("/usr/bin/env", ["tar", "-xzf", tarball, "-C", target.path])
    #expect(result.code == 0, "tar: \(result.stderr)")
    let top = try FileManager.default.contentsOfDirectory(atPath: target.path)
    let name = try #require(top.first { $0.hasPrefix("dsh-") }, "the tarball holds no dsh-VERSION-linux-ARCH directory")
    return target.appendingPathComponent(name)
  }

  static func tarball() -> String? {
    if let given = ProcessInfo.processInfo.environment["DSH_DIST_TARBALL"], !given.isEmpty { return given }
    let directory = packageRoot.appendingPathComponent(".build/dist")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    let tarballs = names.filter { $0.hasPrefix("dsh-") && $0.hasSuffix(".tar.gz") }.map {
      directory.appendingPathComponent($0).path
    }
    return tarballs.max { modified($0) < modified($1) }
  }

  static func modified(_ path: String) -> Date {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
  }

  /// Runs `arguments` under `env -i`: no PATH, no HOME, nothing of the test's environment.
  func runInEmptyEnvironment(_ arguments: [String]) throws -> Binaries.Result {
    try Binaries.runBlocking("/usr/bin/env", ["-i"] + arguments)
  }

  @Test func theBinariesLinkNeitherTheSwiftRuntimeNorFoundation() throws {
    let root = try unpacked()
    for tool in ["dsh", "dsh-sim"] {
      let ldd = try Binaries.runBlocking("/usr/bin/env", ["ldd", root.appendingPathComponent("bin/\(tool)").path])
      #expect(ldd.code == 0, "ldd \(tool): \(ldd.stderr)")
      let libraries = ldd.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(!libraries.isEmpty)
      #expect(libraries.filter { $0.contains("libswift") || $0.contains("libFoundation") }.isEmpty, "\(ldd.stdout)")
      #expect(libraries.filter { $0.contains("not found") }.isEmpty, "\(ldd.stdout)")
    }
  }

  @Test func theUnpackedShellRunsTheDemoInAnEmptyEnvironment() throws {
    let dsh = try unpacked().appendingPathComponent("bin/dsh").path
    let result = try runInEmptyEnvironment([dsh, "--demo", "-c", "sessions | count"])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    let count = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect((count ?? 0) > 0, "stdout: \(result.stdout)")
  }

  @Test func bothUnpackedBinariesNameTheirVersion() throws {
    let root = try unpacked()
    for tool in ["dsh", "dsh-sim"] {
      let result = try runInEmptyEnvironment([root.appendingPathComponent("bin/\(tool)").path, "--version"])
      #expect(result.code == 0)
      #expect(result.stdout.hasPrefix("\(tool) \(root.lastPathComponent.split(separator: "-")[1])"), "\(result.stdout)")
    }
  }

  @Test func theUnpackedSimulatorIsALinkToDshThatStartsAsTheSimulator() async throws {
    let root = try unpacked()
    let link = root.appendingPathComponent("bin/dsh-sim").path
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "dsh")
    let simulator = try BackgroundProcess("/usr/bin/env", ["-i", link, "--port", "0"], environment: [:])
    // Its start-up line, waited for at most 10 s.
    var polls = 0
    while !simulator.outputText.contains("\n") && polls < 200 {
      try await Task.sleep(for: .milliseconds(50))
      polls += 1
    }
    let line = simulator.outputText
    #expect(line.hasPrefix("dsh-sim listening on http://127.0.0.1:"), "stdout: \(line) stderr: \(simulator.errorText)")
    simulator.send(SIGTERM)
    _ = try await simulator.finish(within: 10)
  }

  @Test func theTarballHoldsManPagesCompletionsAndLicenceText() throws {
    let root = try unpacked()
    let files = [
      "share/man/man1/dsh.1", "share/man/man1/dsh-sim.1", "share/man/man7/dsh-language.7",
      "share/man/man7/dsh-verbs.7", "share/bash-completion/completions/dsh", "share/zsh/site-functions/_dsh",
      "share/fish/vendor_completions.d/dsh.fish", "share/bash-completion/completions/dsh-sim",
      "share/doc/dsh/README.md", "share/doc/dsh/docs/verbs.md",
    ]
    for file in files {
      let size = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(file).path)[.size] as? Int
      #expect((size ?? 0) > 0, "\(file) is missing or empty")
    }
    let licence = ["LICENSE", "NOTICE"].filter {
      FileManager.default.fileExists(atPath: root.appendingPathComponent("share/doc/dsh/\($0)").path)
    }
    #expect(licence.count == 1, "share/doc/dsh needs LICENSE or NOTICE")
  }

  @Test func theThirdPartyLicencesGiveEveryResolvedPackageItsLicenceText() throws {
    let root = try unpacked()
    let text = try String(
      contentsOf: root.appendingPathComponent("share/doc/dsh/THIRD-PARTY-LICENSES"), encoding: .utf8)
    let resolved = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Package.resolved"))
    let pins = try #require(
      (try JSONSerialization.jsonObject(with: resolved) as? [String: Any])?["pins"] as? [[String: Any]])
    #expect(!pins.isEmpty)
    for pin in pins {
      let identity = try #require(pin["identity"] as? String)
      let state = pin["state"] as? [String: Any]
      let version = try #require(state?["version"] as? String ?? state?["revision"] as? String)
      #expect(text.contains("\n\(identity) \(version)\n"), "no part for \(identity) \(version)")
      #expect(text.contains("\n---- \(identity)/LICENSE"), "no licence text of \(identity)")
    }
    #expect(text.contains("\n---- the Swift toolchain's share/swift/LICENSE.txt\n"), "no Swift licence")
    #expect(text.contains("Runtime Library Exception"), "the Swift licence lacks its runtime exception")
    #expect(text.contains("\nICU ") && text.contains("Unicode, Inc."), "no ICU licence")
  }
}
