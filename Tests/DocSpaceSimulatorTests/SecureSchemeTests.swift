import DocSpaceSimulator
import Foundation
import TestProcesses
import Testing

/// Under TLS the request scheme is https, and every absolute URL and the cookie say so.
@Suite(.timeLimit(.minutes(1))) struct SecureSchemeTests {
  /// A throwaway self-signed certificate for 127.0.0.1, made with openssl.
  static func certificate() async throws -> SimulatorOptions.TLSFiles {
    let directory = NSTemporaryDirectory() + "dsh-sim-tls-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let files = SimulatorOptions.TLSFiles(certificateChain: directory + "/cert.pem", privateKey: directory + "/key.pem")
    _ = try await run(
      "/usr/bin/openssl",
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
        files.privateKey, "-out", files.certificateChain, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext",
        "subjectAltName=IP:127.0.0.1",
      ])
    return files
  }

  /// curl's answer: the header block and the body.
  static func curl(_ arguments: [String]) async throws -> (headers: String, body: String) {
    let output = try await run("/usr/bin/curl", ["-sk", "-i"] + arguments)
    let parts = output.components(separatedBy: "\r\n\r\n")
    return (parts.first ?? "", parts.dropFirst().joined(separator: "\r\n\r\n"))
  }

  /// Runs off the cooperative pool: a blocking wait there could starve the simulator that
  /// the tool is talking to.
  private static func run(_ tool: String, _ arguments: [String]) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(with: Result { try runBlocking(tool, arguments) })
      }
    }
  }

  private static func runBlocking(_ tool: String, _ arguments: [String]) throws -> String {
    let child = try ChildProcess(
      tool, arguments, environment: ProcessInfo.processInfo.environment, stdin: .nullDevice, stderr: .nullDevice)
    let data = child.standardOutput?.readDataToEndOfFile() ?? Data()
    _ = child.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func httpsIsTheSchemeOfHrefProfileUrlPageAndTheChangePasswordLinkAndTheCookieIsSecure() async throws {
    let tls = try await Self.certificate()
    var options = SimulatorOptions()
    options.port = 0
    options.tls = tls
    let server = try await SimulatorServer.start(options)
    let signIn = try await Self.curl([
      "-X", "POST", server.url + "/api/2.0/authentication", "-d",
      #"{"userName":"owner@example.com","password":"demo-password"}"#,
    ])
    #expect(server.url.hasPrefix("https://"))
    let cookieLine = signIn.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") } ?? ""
    #expect(cookieLine.contains("; secure;"), "\(cookieLine)")
    let json = try JSONSerialization.jsonObject(with: Data(signIn.body.utf8)) as? [String: Any] ?? [:]
    let href = (json["links"] as? [[String: Any]])?.first?["href"] as? String
    #expect(href == server.url + "/api/2.0/authentication")
    let token = try #require((json["response"] as? [String: Any])?["token"] as? String)
    let me = try await Self.curl(["-H", "Authorization: \(token)", server.url + "/api/2.0/people/@self"])
    let profile = try JSONSerialization.jsonObject(with: Data(me.body.utf8)) as? [String: Any]
    let profileUrl = (profile?["response"] as? [String: Any])?["profileUrl"] as? String
    #expect(profileUrl?.hasPrefix(server.url + "/") == true, "\(profileUrl ?? "-")")
    let last = try await Self.curl(["-H", "Authorization: \(token)", server.url + "/api/2.0/security/audit/login/last"])
    let events = (try JSONSerialization.jsonObject(with: Data(last.body.utf8)) as? [String: Any])?["response"]
    let page = (events as? [[String: Any]])?.first?["page"] as? String
    #expect(page == server.url + "/api/2.0/authentication")
    let change = try await Self.curl([
      "-X", "PUT", "-H", "Authorization: \(token)",
      server.url + "/api/2.0/security/activeconnections/logoutallchangepassword",
    ])
    let link = (try JSONSerialization.jsonObject(with: Data(change.body.utf8)) as? [String: Any])?["response"]
    #expect((link as? String)?.hasPrefix(server.url + "/confirm/PasswordChange?") == true, "\(link ?? "-")")
    await server.stop()
  }
}
