import NIOSSL

/// What a failed TLS handshake means for the user, from NIOSSL's and BoringSSL's errors.
enum TLSProblem {
  static func describe(_ error: any Error, host: String) -> String {
    if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
      return "the portal's certificate is not for \(host): check the URL's host name"
    }
    let description = String(describing: error)
    if description.contains("CERTIFICATE_VERIFY_FAILED") {
      return
        "the portal's certificate is not trusted: no CA this machine trusts signed it, or it has expired; for a private CA use --ca-cert FILE"
    }
    if description.contains("WRONG_VERSION_NUMBER") {
      return "the server at \(host) does not speak TLS: is the portal plain http://?"
    }
    return "the TLS handshake with \(host) failed (\(reason(in: description) ?? description))"
  }

  /// BoringSSL's reason code, such as `TLSV1_ALERT_PROTOCOL_VERSION`, without the source path.
  private static func reason(in description: String) -> String? {
    description.firstMatch(of: /OPENSSL_internal:([A-Z0-9_]+)/).map { String($0.1) }
  }
}
