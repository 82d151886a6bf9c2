import Foundation
import NIOSSL

extension SimulatorOptions.TLSFiles {
  /// The server side of TLS, from the PEM files; errors name the file that is wrong.
  func serverConfiguration() throws -> TLSConfiguration {
    let chain: [NIOSSLCertificate]
    do {
      chain = try NIOSSLCertificate.fromPEMFile(certificateChain)
    } catch {
      throw SimulatorError.badTLSFile(certificateChain, "not a readable PEM certificate file")
    }
    let key: NIOSSLPrivateKey
    do {
      key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
    } catch {
      throw SimulatorError.badTLSFile(privateKey, "not a readable PEM private key file")
    }
    return TLSConfiguration.makeServerConfiguration(
      certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
  }
}
