import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The request context: Hummingbird's, plus the peer address and the channel (to drop it).
struct SimulatorContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  let channel: any Channel

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    channel = source.channel
  }
}

struct DroppedConnection: Error {}

/// Turns Hummingbird requests into `Incoming`, applies faults, and writes `Outgoing`.
struct SimulatorResponder: HTTPResponder {
  let routes: PortalRoutes
  let faults: Faults
  let log: RequestLog
  let options: SimulatorOptions

  func respond(to request: Request, context: SimulatorContext) async throws -> Response {
    var body = request.body
    let buffer = try await body.collect(upTo: 30 * 1024 * 1024)
    let incoming = makeIncoming(request, context: context, body: Data(buffer.readableBytesView))
    await log.record(incoming.method, incoming.path)
    switch await faults.drawFailure() {
    case .badGateway?:
      return response(
        Outgoing(
          status: 502,
          body:
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
          headers: [("Content-Type", "text/html")]))
    case .unavailable?:
      return response(Outgoing(status: 503, body: "", headers: [("Retry-After", "0")]))
    case .dropConnection?:
      try? await context.channel.close()
      throw DroppedConnection()
    case nil:
      break
    }
    let partition = incoming.cookieToken ?? incoming.authorization ?? incoming.ip
    let isWrite = incoming.method != "GET"
    guard await faults.admit(partition: partition, isWrite: isWrite) else {
      return response(Outgoing(status: 429, body: "", headers: [("Retry-After", "1"), ("X-RateLimit-Remaining", "0")]))
    }
    // Latency counts as processing time: the limiter sees slow requests in flight.
    if options.latencyMilliseconds > 0 {
      try? await Task.sleep(for: .milliseconds(options.latencyMilliseconds))
    }
    let outgoing = await routes.handle(incoming)
    await faults.release(partition: partition, isWrite: isWrite)
    return response(outgoing)
  }

  private func makeIncoming(_ request: Request, context: SimulatorContext, body: Data) -> Incoming {
    var query: [String: String] = [:]
    for (key, value) in request.uri.queryParameters {
      query[String(key)] = String(value).removingPercentEncoding ?? String(value)
    }
    let headers = request.headers
    let cookies = headers[values: .cookie].flatMap { $0.split(separator: ";") }
    let token = cookies.lazy.map { $0.trimmingCharacters(in: .whitespaces) }
      .first { $0.hasPrefix("asc_auth_key=") }.map { String($0.dropFirst("asc_auth_key=".count)) }
    let ip = context.channel.remoteAddress?.ipAddress ?? "127.0.0.1"
    return Incoming(
      method: request.method.rawValue, path: request.uri.path, query: query,
      cookieToken: token.flatMap { $0.isEmpty ? nil : $0 }, authorization: headers[.authorization],
      userAgent: headers[.userAgent], referer: headers[.referer], ip: ip,
      host: request.head.authority ?? "\(options.host):\(options.port)", body: body)
  }

  private func response(_ outgoing: Outgoing) -> Response {
    var fields = HTTPFields()
    for (name, value) in outgoing.headers {
      if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
    }
    fields[.init("Server-Timing")!] = "aspnetcore-request-time;dur=1ms"
    return Response(
      status: .init(code: outgoing.status), headers: fields,
      body: .init(byteBuffer: ByteBuffer(string: outgoing.body)))
  }
}
