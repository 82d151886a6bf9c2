import Foundation

/// The success envelope: `{response?, count, total?, links, status, statusCode}`.
struct Envelope<Payload: Decodable>: Decodable {
  var response: Payload?
  var count: Int?
  var total: Int?
}

extension DocSpaceClient {
  /// Sends and decodes the envelope's `response`.
  func payload<Payload: Decodable>(_ type: Payload.Type, _ request: APIRequest) async throws(APIError) -> Envelope<
    Payload
  > {
    let response = try await send(request)
    do {
      return try JSONDecoder().decode(Envelope<Payload>.self, from: response.body)
    } catch {
      throw .malformed(request, detail: Self.describe(error))
    }
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
