import Foundation
import Testing

/// `open` and `save` against files the user may not read or write, through the real binary.
///
/// Root may read and write anything, so as root the binary runs as `nobody` (setpriv).
@Suite final class FilePermissionTests {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-perm-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  /// dsh -c CODE as an unprivileged user; nil when running as root without setpriv.
  func runUnprivileged(_ code: String) async throws -> Binaries.Result? {
    guard geteuid() == 0 else { return try await Binaries.run(Binaries.dsh, ["-c", code]) }
    let setpriv = "/usr/bin/setpriv"
    guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
    return try await Binaries.run(
      setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", Binaries.dsh, "-c", code],
      environment: ["HOME": directory.path])
  }

  @Test func anUnreadableFileIsNamed() async throws {
    let file = directory.appendingPathComponent("secret.csv")
    try Data("a\n1\n".utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
    guard let result = try await runUnprivileged("open '\(file.path)'") else { return }
    #expect(
      result.stderr.contains("cannot open '\(file.path)': it is not readable (permission denied)"), "\(result.stderr)")
    #expect(result.code == 1)
  }

  @Test func aReadOnlyDirectoryRefusesSave() async throws {
    let locked = directory.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
    let target = locked.appendingPathComponent("out.txt").path
    guard let result = try await runUnprivileged("\"x\" | save '\(target)'") else { return }
    #expect(result.stderr.contains("it is not writable (permission denied)"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: target))
  }
}
