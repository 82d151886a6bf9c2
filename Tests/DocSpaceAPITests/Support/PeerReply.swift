import Foundation

/// What a `HostilePeer` does after it has read a request.
enum PeerReply: Sendable {
  /// Exactly these bytes, then close.
  case raw([UInt8])
  /// A whole answer: the status line, these header lines (`Name: value`), `Content-Length`,
  /// `Connection: close` and the body; then close.
  case answer(status: Int, headers: [String], body: [UInt8])
  /// A 200 head promising a long body, then one byte every 100 ms until the client closes.
  case trickle
  /// A 200 head with `Content-Length: 100`, then silence until the client closes.
  case stalledBody
  /// Silence before any header, until the client closes.
  case stalledHead
  /// A 200 head, then a fast body without end (chunked, or under a `Content-Length` of 1 TiB)
  /// until the client closes.
  case endlessBody(chunked: Bool)
  /// Close as soon as the request has been read.
  case closeAfterRequest

  /// A TLS alert record (`handshake_failure`), what a TLS port says to plain HTTP.
  static let tlsAlert = PeerReply.raw([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46])

  /// A JSON answer.
  static func json(_ text: String, status: Int = 200, headers: [String] = []) -> PeerReply {
    .answer(status: status, headers: ["Content-Type: application/json"] + headers, body: Array(text.utf8))
  }

  /// DocSpace's success envelope around `response`, itself JSON text.
  static func envelope(_ response: String, headers: [String] = []) -> PeerReply {
    json(#"{"response":\#(response),"count":1,"links":[],"status":0,"statusCode":200}"#, headers: headers)
  }

  /// A 3xx pointing at `location` (no `Location` header when nil).
  static func redirect(_ status: Int, to location: String?, setCookie: String? = nil) -> PeerReply {
    var headers: [String] = []
    if let location { headers.append("Location: \(location)") }
    if let setCookie { headers.append("Set-Cookie: \(setCookie)") }
    return .answer(status: status, headers: headers, body: [])
  }
}
