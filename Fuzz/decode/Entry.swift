import Foundation

/// libFuzzer entry: any bytes as a portal's answer, through what the client reads from a
/// server: the status-to-error mapping, error bodies, the envelope of every model dsh
/// decodes, and the `Set-Cookie` and `Retry-After` headers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let body = Data(UnsafeBufferPointer(start: data, count: size))
  let request = APIRequest("GET", "/api/2.0/security/activeconnections")
  for status in [200, 400, 401, 403, 404, 429, 502] {
    _ = try? ResponseDecoding.check(APIResponse(status: status, body: body), for: request)
  }
  _ = try? ResponseDecoding.envelope(ActiveConnections.self, from: body)
  _ = try? ResponseDecoding.envelope([LoginEvent].self, from: body)
  _ = try? ResponseDecoding.envelope([Employee].self, from: body)
  _ = try? ResponseDecoding.envelope(AuthToken.self, from: body)
  _ = try? ResponseDecoding.envelope(Bool.self, from: body)
  do {
    _ = try ResponseDecoding.envelope(String.self, from: body)
  } catch {
    _ = ResponseDecoding.describe(error)
  }
  let text = String(decoding: body, as: UTF8.self)
  _ = AuthCookie.token(in: text.split(separator: "\n").map(String.init))
  _ = RetryAfter.seconds(text)
  return 0
}
