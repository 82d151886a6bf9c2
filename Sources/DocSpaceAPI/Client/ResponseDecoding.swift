import Foundation

/// The success envelope: `{response?, count, total?, links, status, statusCode}`.
struct Envelope<Payload: Decodable>: Decodable {
  var response: Payload?
  var count: Int?
  var total: Int?
}

/// Reading what a portal answered: status to error, error bodies, the envelope.
///
/// Pure functions over bytes a server controls (Foundation only, so `make fuzz` can build them
/// without the HTTP stack).
enum ResponseDecoding {
  /// The deepest JSON nesting accepted; DocSpace's answers are a few levels deep.
  static let maximumDepth = 64

  static func envelope<Payload: Decodable>(_ type: Payload.Type, from body: Data) throws -> Envelope<Payload> {
    guard depth(of: body) <= maximumDepth else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "nested deeper than \(maximumDepth) levels"))
    }
    return try JSONDecoder().decode(Envelope<Payload>.self, from: body)
  }

  /// The deepest nesting of `[` and `{` outside strings, counted without parsing.
  static func depth(of body: Data) -> Int {
    // Over the bytes in place: Data's own iterator costs a call per byte, on every answer.
    body.withUnsafeBytes { depth(of: $0) }
  }

  private static func depth(of body: UnsafeRawBufferPointer) -> Int {
    var depth = 0
    var deepest = 0
    var inString = false
    var escaped = false
    for byte in body {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        deepest = max(deepest, depth)
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    return deepest
  }

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
    case 503: throw .unavailable(request, retryAfter: response.retryAfter)
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

  static func describe(_ error: any Error) -> String {
    switch error as? DecodingError {
    case .keyNotFound(let key, let context)?:
      return "missing '\(key.stringValue)' at \(path(context))"
    case .typeMismatch(let type, let context)?, .valueNotFound(let type, let context)?:
      return "expected \(type) at \(path(context))"
    case .dataCorrupted(let context)?:
      return "\(context.debugDescription) at \(path(context))"
    default:
      return String(describing: error)
    }
  }

  private static func path(_ context: DecodingError.Context) -> String {
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return path.isEmpty ? "the top" : path
  }
}
