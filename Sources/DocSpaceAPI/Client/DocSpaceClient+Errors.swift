import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

extension DocSpaceClient {
  /// A transport failure in plain words: what happened and what to try, never a type name
  /// from the HTTP stack (those say nothing to a user and may quote what a server sent).
  static func transportError(_ error: any Error, request: APIRequest, url: URL) -> APIError {
    let host = url.host ?? ""
    if let error = error as? HTTPClientError {
      switch error {
      case .readTimeout, .connectTimeout, .deadlineExceeded, .tlsHandshakeTimeout: return .timedOut(request)
      case .cancelled: return .cancelled
      case .remoteConnectionClosed:
        let hint = url.scheme == "http" ? "; if that port speaks TLS, use https://" : ""
        return .connectionLost(request, detail: "the portal closed it\(hint)")
      case .bodyLengthMismatch, .contentLengthMissing, .identityCodingIncorrectlyPresent:
        return .notHTTP(request)
      default: break
      }
    }
    if let error = error as? HTTPParserError {
      // The connection ended inside the answer (a body cut short): lost, not garbage.
      if error == .invalidEOFState { return .connectionLost(request, detail: "the answer was cut short") }
      return .notHTTP(request)
    }
    if error is NIOSSLError || error is NIOSSLExtraError || String(describing: type(of: error)).contains("SSL") {
      return .tlsFailure(request, detail: TLSProblem.describe(error, host: host))
    }
    if let error = error as? IOError {
      switch error.errnoCode {
      case ECONNREFUSED:
        return .unreachable(request, detail: "connection refused: is the portal running at that address?")
      case ECONNRESET, EPIPE: return .connectionLost(request, detail: "the connection was reset")
      case EHOSTUNREACH, ENETUNREACH: return .unreachable(request, detail: "no route to \(host)")
      default: break
      }
    }
    let description = String(describing: error)
    if description.contains("Connection refused") || description.contains("ECONNREFUSED") {
      return .unreachable(request, detail: "connection refused: is the portal running at that address?")
    }
    if description.lowercased().contains("dns") {
      return .unreachable(request, detail: "the host name \(host) could not be resolved")
    }
    if description.contains("reset") { return .connectionLost(request, detail: "the connection was reset") }
    if description.contains("Timeout") || description.contains("timeout") { return .timedOut(request) }
    return .unreachable(request, detail: "the connection to \(host) failed")
  }
}
