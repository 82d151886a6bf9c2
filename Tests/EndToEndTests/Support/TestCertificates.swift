import Foundation

/// A private CA and server certificates made with `openssl` at test time, in a
/// temporary directory: nothing secret is committed and nothing expires in the tree.
struct TestCertificates {
  let directory: String
  /// The private CA that signed the server certificates.
  var caCertificate: String { directory + "/ca.pem" }
  /// A CA that signed nothing here.
  var otherCACertificate: String { directory + "/other-ca.pem" }
  /// For 127.0.0.1 and localhost, signed by the CA.
  var loopback: (certificate: String, key: String) { (directory + "/loopback.pem", directory + "/loopback.key") }
  /// For portal.example.com only, signed by the CA.
  var otherHost: (certificate: String, key: String) { (directory + "/other-host.pem", directory + "/other-host.key") }

  /// Made once per test process.
  static let shared = Result<TestCertificates, any Error> { try TestCertificates.make() }

  struct CertificateError: Error, CustomStringConvertible {
    var description: String
  }

  private static func make() throws -> TestCertificates {
    let directory = NSTemporaryDirectory() + "dsh-tls-\(getpid())"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let made = TestCertificates(directory: directory)
    try made.makeCA("ca", name: "dsh test CA")
    try made.makeCA("other-ca", name: "dsh unrelated CA")
    try made.makeServer("loopback", names: "IP:127.0.0.1,DNS:localhost")
    try made.makeServer("other-host", names: "DNS:portal.example.com")
    return made
  }

  private func makeCA(_ name: String, name commonName: String) throws {
    try openssl([
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).pem", "-days", "2",
      "-subj", "/CN=\(commonName)",
    ])
  }

  private func makeServer(_ name: String, names: String) throws {
    let extensions = "\(directory)/\(name).ext"
    try Data("subjectAltName=\(names)\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n".utf8).write(
      to: URL(fileURLWithPath: extensions))
    try openssl([
      "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).csr", "-subj", "/CN=\(name)",
    ])
    try openssl([
      "x509", "-req", "-in", "\(directory)/\(name).csr", "-CA", caCertificate, "-CAkey", "\(directory)/ca.key",
      "-CAcreateserial", "-out", "\(directory)/\(name).pem", "-days", "2", "-extfile", extensions,
    ])
  }

  private func openssl(_ arguments: [String]) throws {
    let result = try Binaries.runBlocking("/usr/bin/env", ["openssl"] + arguments)
    guard result.code == 0 else {
      throw CertificateError(description: "openssl \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
  }
}
