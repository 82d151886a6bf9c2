/// CORS as the shipped config has it (`core:cors` is `"*"`): the policy of SERVER
/// `common/ASC.Api.Core/Core/BaseStartup.cs:441-469` (any origin, header and method, no
/// credentials), applied by `UseCors` ahead of authentication (BaseStartup.cs:613-616).
enum Cors {
  /// A preflight (OPTIONS with `Origin` and `Access-Control-Request-Method`) is answered by
  /// the CORS middleware itself: 204, whatever the path, before routing's 405 or 404 and
  /// before authentication.
  static func preflight(_ request: Incoming) -> Outgoing? {
    guard request.method == "OPTIONS", request.origin != nil, let method = request.preflightMethod else { return nil }
    var headers = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", method)]
    if let requested = request.preflightHeaders, !requested.isEmpty {
      headers.append(("Access-Control-Allow-Headers", requested))
    }
    return Outgoing(status: 204, body: "", headers: headers)
  }

  /// Any other request that names an `Origin` gets `Access-Control-Allow-Origin: *`.
  static func decorate(_ answer: Outgoing, for request: Incoming) -> Outgoing {
    guard request.origin != nil else { return answer }
    var copy = answer
    copy.headers.append(("Access-Control-Allow-Origin", "*"))
    return copy
  }
}
