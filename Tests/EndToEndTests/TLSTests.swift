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
    var configuration = PortalConfiguration(baseURL: URL(string: url)!, credential: .none)
    configuration.caCertificatePath = caCertificate
    return try DocSpaceClient(configuration: configuration)
  }

  /// Signs in over HTTPS trusting the test CA; the login token.
  func ownerToken(_ url: String) async throws -> String {
    let client = try client(url, trusting: certificates.caCertificate)
    _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
    let token = await client.credential.loginToken ?? ""
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

  @Test func dshWithCaCertRunsAProgramOverHTTPS() async throws {
    let simulator = try simulator(certificates.loopback)
    let token = try await ownerToken(simulator.url)
    let result = try Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "--ca-cert", certificates.caCertificate, "-c", "whoami | get email"],
      environment: ["DOCSPACE_TOKEN": token])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test func dshWithoutCaCertExitsFourAndSaysWhatToDo() async throws {
    let simulator = try simulator(certificates.loopback)
    let token = try await ownerToken(simulator.url)
    let result = try Binaries.run(
      Binaries.dsh, ["--portal", simulator.url, "-c", "whoami"], environment: ["DOCSPACE_TOKEN": token])
    #expect(result.code == 4)
    #expect(result.stderr.contains("--ca-cert"))
    #expect(!result.stderr.contains(token))
    #expect(result.stdout.isEmpty)
  }

  @Test func theConnectVerbTakesCaCert() async throws {
    let simulator = try simulator(certificates.loopback)
    let token = try await ownerToken(simulator.url)
    let program = "connect \(simulator.url) --ca-cert \"\(certificates.caCertificate)\"\nwhoami | get email"
    let result = try Binaries.run(Binaries.dsh, ["-c", program], environment: ["DOCSPACE_TOKEN": token])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test func caCertOnTheCommandLineAppliesToConnectInTheProgram() async throws {
    let simulator = try simulator(certificates.loopback)
    let token = try await ownerToken(simulator.url)
    let result = try Binaries.run(
      Binaries.dsh, ["--ca-cert", certificates.caCertificate, "-c", "connect \(simulator.url)\nwhoami | get email"],
      environment: ["DOCSPACE_TOKEN": token])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test func aProfileNamesItsCA() async throws {
    let simulator = try simulator(certificates.loopback)
    let token = try await ownerToken(simulator.url)
    let config = certificates.directory + "/config-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: config + "/dsh", withIntermediateDirectories: true)
    let profile =
      "[private]\nportal = \(simulator.url)\ntoken-env = PRIVATE_TOKEN\nca-cert = \(certificates.caCertificate)\n"
    try Data(profile.utf8).write(to: URL(fileURLWithPath: config + "/dsh/config"))
    let result = try Binaries.run(
      Binaries.dsh, ["--profile", "private", "-c", "whoami | get email"],
      environment: ["XDG_CONFIG_HOME": config, "PRIVATE_TOKEN": token])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "owner@example.com\n")
  }

  @Test(arguments: [(certificate: true, key: false), (certificate: false, key: true)])
  func theSimulatorNamesATLSFileItCannotUse(wrong: (certificate: Bool, key: Bool)) throws {
    let files = certificates.loopback
    let certificate = wrong.certificate ? files.key : files.certificate
    let key = wrong.key ? files.certificate : files.key
    let result = try Binaries.run(Binaries.dshSim, ["--port", "0", "--tls-cert", certificate, "--tls-key", key])
    #expect(result.code != 0)
    #expect(result.stderr.contains("cannot serve TLS with \(wrong.certificate ? certificate : key)"))
  }

  @Test func theSimulatorNeedsBothTLSFiles() throws {
    let result = try Binaries.run(Binaries.dshSim, ["--port", "0", "--tls-cert", certificates.loopback.certificate])
    #expect(result.code == 64)
    #expect(result.stderr.contains("--tls-key"))
  }
}
