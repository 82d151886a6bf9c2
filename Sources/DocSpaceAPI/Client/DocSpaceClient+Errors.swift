import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

extension DocSpaceClient {
  /// Turns a non-2xx answer into the error a user can act on.
  static func check(_ response: APIResponse, for request: APIRequest) throws(APIError) -> APIResponse {
    let status = response.status
    if (200..<300).contains(status) {
      guard response.body.isEmpty || looksLikeJSON(response.body) else {
        throw .notJSON(request, status: status, contentStart: start(of: response.body))
      }
      return response
    }
    let message = errorMessage(in: response.body)
    switch status {
    case 400: throw .badRequest(request, message: message ?? validationMessage(in: response.body) ?? "HTTP 400")
    case 401: throw .notSignedIn(request)
    case 403: throw .accessDenied(request, message: message ?? "Access denied")
    case 404: throw .notFound(request, message: message)
    case 429: throw .rateLimited(request, retryAfter: response.retryAfter)
    case 500...599:
      if !response.body.isEmpty, !looksLikeJSON(response.body) {
        throw .notJSON(request, status: status, contentStart: start(of: response.body))
      }
      throw .serverError(request, status: status, message: message)
    default: throw .unexpectedStatus(request, status: status)
    }
  }

  static func looksLikeJSON(_ body: Data) -> Bool {
    guard let first = body.first(where: { ![9, 10, 13, 32].contains($0) }) else { return true }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }

  static func start(of body: Data) -> String {
    String(decoding: body.prefix(40), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
  }

  /// `error.message` of DocSpace's error body.
  static func errorMessage(in body: Data) -> String? {
    struct ErrorBody: Decodable {
      struct Inner: Decodable { var message: String? }
      var error: Inner?
    }
    return (try? JSONDecoder().decode(ErrorBody.self, from: body))?.error?.message
  }

  /// The first message of a 400 validation envelope.
  static func validationMessage(in body: Data) -> String? {
    struct Envelope: Decodable {
      struct Problem: Decodable {
        var title: String?
        var errors: [String: [String]]?
      }
      var response: Problem?
    }
    guard let problem = (try? JSONDecoder().decode(Envelope.self, from: body))?.response else { return nil }
    if let (field, messages) = problem.errors?.first, let first = messages.first { return "\(field): \(first)" }
    return problem.title
  }

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
      case .bodyLengthMismatch, .contentLengthMissing, .chunkedSpecifiedMultipleTimes,
        .identityCodingIncorrectlyPresent, .httpEndReceivedAfterHeadWith1xx:
        return .notHTTP(request)
      default: break
      }
    }
    if error is HTTPParserError { return .notHTTP(request) }
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
