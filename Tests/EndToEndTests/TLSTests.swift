import DocSpaceAPI
import Foundation
import Testing

/// HTTPS to a portal behind a private CA: the simulator serves TLS, the client verifies it.
@Suite struct TLSTests {
  let certificates: TestCertificates

  init() throws {
    certificates = try TestCertificates.shared.get()
  }

  func simulator(_ files: (certificate: String, key: String)) throws -> SimulatorProcess {
    try SimulatorProcess(["--tls-cert", files.certificate, "--tls-key", files.key])
  }

  func client(_ url: String, trusting caCertificate: String?) throws -> DocSpaceClient {
    var configuration = PortalConfiguration(baseURL: try #require(URL(string: url)), credential: .none)
    configuration.caCertificatePath = caCertificate
    return try DocSpaceClient(configuration: configuration)
  }

  /// Signs in over HTTPS trusting the test CA; the login token.
  func ownerToken(_ url: String) async throws -> String {
    let client = try client(url, trusting: certificates.caCertificate)
    _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
    let token = client.credential.loginToken ?? ""
    await client.shutdown()
    return token
  }

  func tlsFailure(of client: DocSpaceClient) async -> APIError? {
    do {
      _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
      return nil
    } catch {
      return error
    }
  }

  @Test func theSimulatorServesHTTPSWhenGivenACertificateAndKey() throws {
    let simulator = try simulator(certificates.loopback)
    #expect(simulator.url.hasPrefix("https://127.0.0.1:"))
  }

  @Test func aPrivateCAGivenAsCACertificateIsTrusted() async throws {
    let simulator = try simulator(certificates.loopback)
    let client = try client(simulator.url, trusting: certificates.caCertificate)
    _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
    #expect(try await client.activeConnections().loginEvent != 0)
    await client.shutdown()
  }

  @Test func withoutTheCAThePortalsCertificateIsRefused() async throws {
    let simulator = try simulator(certificates.loopback)
    let client = try client(simulator.url, trusting: nil)
    let error = try #require(await tlsFailure(of: client))
    guard case .tlsFailure = error else {
      Issue.record("expected a TLS failure, got \(error)")
      return
    }
    #expect(error.message.contains("not trusted"))
    #expect(error.message.contains("--ca-cert"))
    #expect(error.isConnectionProblem)
    await client.shutdown()
  }

  @Test func aCADifferentFromTheSignerIsNotEnough() async throws {
    let simulator = try simulator(certificates.loopback)
    let client = try client(simulator.url, trusting: certificates.otherCACertificate)
    let error = try #require(await tlsFailure(of: client))
    #expect(error.message.contains("not trusted"))
    await client.shutdown()
  }

  @Test func aTrustedCertificateForAnotherHostIsRefused() async throws {
    let simulator = try simulator(certificates.otherHost)
    let client = try client(simulator.url, trusting: certificates.caCertificate)
    let error = try #require(await tlsFailure(of: client))
    guard case .tlsFailure = error else {
      Issue.record("expected a TLS failure, got \(error)")
      return
    }
    #expect(error.message.contains("not for 127.0.0.1"))
    await client.shutdown()
  }

  @Test func httpsToAPlainHTTPPortalSaysItIsNotTLS() async throws {
    let simulator = try SimulatorProcess()
    let plainURL = simulator.url.replacingOccurrences(of: "http://", with: "https://")
    let client = try client(plainURL, trusting: nil)
    let error = try #require(await tlsFailure(of: client))
    #expect(error.message.contains("does not speak TLS: is the portal plain http://?"))
    await client.shutdown()
  }

  @Test func aMissingCAFileIsNamedBeforeAnythingIsSent() throws {
    #expect(throws: APIError.badCACertificate(path: "/nonexistent/ca.pem", problem: "no such readable file")) {
      try client("https://127.0.0.1:1", trusting: "/nonexistent/ca.pem")
    }
  }

  @Test func aCAFileThatIsNotPEMIsNamed() throws {
    let file = certificates.directory + "/not-a-certificate.pem"
    try Data("hello\n".utf8).write(to: URL(fileURLWithPath: file))
    #expect(throws: APIError.badCACertificate(path: file, problem: "not PEM certificates")) {
      try client("https://127.0.0.1:1", trusting: file)
    }
  }

  /// Runs dsh against a simulator whose certificate the test CA signed, with the owner's
  /// login token in DOCSPACE_TOKEN; `arguments` makes the command line for the portal's URL.
  func dsh(environment: [String: String] = [:], _ arguments: (String) throws -> [String]) async throws -> (
    result: Binaries.Result, token: String
  ) {
    let simulator = try simulator(certificates.loopback)
    let token = try await ownerToken(simulator.url)
    let result = try await Binaries.run(
      Binaries.dsh, try arguments(simulator.url), environment: environment.merging(["DOCSPACE_TOKEN": token]) { $1 })
    return (result, token)
  }

  @Test func dshWithCaCertRunsAProgramOverHTTPS() async throws {
    let (result, _) = try await dsh { url in
      ["--portal", url, "--ca-cert", certificates.caCertificate, "-c", "whoami | get email"]
    }
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test func dshWithoutCaCertExitsFourAndSaysWhatToDo() async throws {
    let (result, token) = try await dsh { url in ["--portal", url, "-c", "whoami"] }
    #expect(result.code == 4)
    #expect(result.stderr.contains("--ca-cert"))
    #expect(!result.stderr.contains(token))
    #expect(result.stdout.isEmpty)
  }

  @Test func theConnectVerbTakesCaCert() async throws {
    let (result, _) = try await dsh { url in
      ["-c", "connect \(url) --ca-cert \"\(certificates.caCertificate)\"\nwhoami | get email"]
    }
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test func caCertOnTheCommandLineAppliesToConnectInTheProgram() async throws {
    let (result, _) = try await dsh { url in
      ["--ca-cert", certificates.caCertificate, "-c", "connect \(url)\nwhoami | get email"]
    }
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test func aProfileNamesItsCA() async throws {
    let config = certificates.directory + "/config-\(UUID().uuidString)"
    let (result, _) = try await dsh(environment: ["XDG_CONFIG_HOME": config]) { url in
      try FileManager.default.createDirectory(atPath: config + "/dsh", withIntermediateDirectories: true)
      let profile = "[private]\nportal = \(url)\ntoken-env = DOCSPACE_TOKEN\nca-cert = \(certificates.caCertificate)\n"
      try Data(profile.utf8).write(to: URL(fileURLWithPath: config + "/dsh/config"))
      return ["--profile", "private", "-c", "whoami | get email"]
    }
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test(arguments: [true, false])
  func theSimulatorNamesATLSFileItCannotUse(certificateIsWrong: Bool) async throws {
    let files = certificates.loopback
    let certificate = certificateIsWrong ? files.key : files.certificate
    let key = certificateIsWrong ? files.key : files.certificate
    let result = try await Binaries.run(Binaries.dshSim, ["--port", "0", "--tls-cert", certificate, "--tls-key", key])
    #expect(result.code != 0)
    #expect(result.stderr.contains("cannot serve TLS with \(certificateIsWrong ? certificate : key)"))
  }

  @Test func theSimulatorNeedsBothTLSFiles() async throws {
    let result = try await Binaries.run(
      Binaries.dshSim, ["--port", "0", "--tls-cert", certificates.loopback.certificate])
    #expect(result.code == 64)
    #expect(result.stderr.contains("--tls-key"))
  }
}
