import DocSpaceAPI
import Foundation
import TestProcesses
import Testing

/// The calls of a session as a Python script: it runs against the real simulator, with only
/// DOCSPACE_URL and DOCSPACE_TOKEN, and does what the calls did.
@Suite(.timeLimit(.minutes(1))) struct PythonScriptTests {
  struct Run: Sendable {
    var status: Int32
    var output: String
  }

  /// Runs `python3 FILE` off the cooperative pool (it blocks until Python exits).
  static func python(_ script: String, environment: [String: String]) async throws -> Run {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-\(UUID().uuidString).py")
    try script.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    return try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        do {
          // Python's output and errors on one pipe, as a person would read them.
          let child = try ChildProcess(
            "/usr/bin/env", ["python3", file.path], environment: env, stdin: .nullDevice, stderr: .standardOutput)
          let output = child.standardOutput?.readDataToEndOfFile() ?? Data()
          let ending = child.waitUntilExit()
          continuation.resume(returning: Run(status: ending.status, output: String(decoding: output, as: UTF8.self)))
        } catch {
          continuation.resume(throwing: error)
        }
      }
    }
  }

  @Test func theScriptEndsTheSameSessionWithOnlyTheEnvironment() async throws {
    let shell = try await TestShell.start()
    defer { Task { await shell.stop() } }
    let owner = try await shell.client()
    let listing = try await owner.activeConnections()
    let target = try #require(listing.items.first { $0.id != 0 && $0.id != listing.loginEvent })
    let token = try #require(owner.credential.loginToken)
    let script = PythonScript(requests: [
      APIRequest(
        "POST", "/api/2.0/authentication", body: Data("{\"password\":\"x\"}".utf8), secretFields: ["password"]),
      APIRequest("GET", "/api/2.0/security/activeconnections"),
      APIRequest("PUT", "/api/2.0/security/activeconnections/logout/\(target.id)"),
    ]).text
    #expect(!script.contains("authentication"), "the sign-in is left out: the script is given its token")
    let run = try await Self.python(
      script, environment: ["DOCSPACE_URL": shell.simulator.url, "DOCSPACE_TOKEN": token])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.output.contains("Step 2: PUT /api/2.0/security/activeconnections/logout/\(target.id) -> 200"))
    let after = try await owner.activeConnections().items.map(\.id)
    #expect(!after.contains(target.id))
  }

  @Test func aFailedCallStopsTheScriptWithItsStatus() async throws {
    let shell = try await TestShell.start()
    defer { Task { await shell.stop() } }
    let script = PythonScript(requests: [
      APIRequest("GET", "/api/2.0/security/activeconnections"), APIRequest("GET", "/api/2.0/people/@self"),
    ]).text
    let run = try await Self.python(
      script, environment: ["DOCSPACE_URL": shell.simulator.url, "DOCSPACE_TOKEN": "0123456789abcdef-not-a-token"])
    #expect(run.status == 1, "\(run.output)")
    #expect(run.output.contains("Step 1 failed: 401"), "\(run.output)")
    #expect(!run.output.contains("Step 2"))
  }

  @Test func withoutTheEnvironmentTheScriptSaysWhatToSet() async throws {
    let run = try await Self.python(
      PythonScript(requests: []).text, environment: ["DOCSPACE_URL": "", "DOCSPACE_TOKEN": ""])
    #expect(run.status == 1)
    #expect(run.output.contains("set DOCSPACE_URL and DOCSPACE_TOKEN"))
  }

  @Test func pathsAndBodiesAreQuotedForPython() {
    let script = PythonScript(requests: [
      APIRequest("PUT", "/api/2.0/x\"y", body: Data("{\"a\":\"it's \\\"q\\\"\"}".utf8))
    ]).text
    #expect(script.contains(#"path = "/api/2.0/x\"y""#))
    #expect(script.contains(#"call("PUT", path, body)"#))
    #expect(script.contains(#"json.loads("{\"a\":\"it's \\\"q\\\"\"}")"#))
  }
}
