import Foundation

extension DocSpaceClient {
  /// Sends and decodes the envelope's `response`.
  func payload<Payload: Decodable>(_ type: Payload.Type, _ request: APIRequest) async throws(APIError) -> Envelope<
    Payload
  > {
    let response = try await send(request)
    do {
      return try ResponseDecoding.envelope(Payload.self, from: response.body)
    } catch {
      throw .malformed(request, detail: ResponseDecoding.describe(error))
    }
  }
}
