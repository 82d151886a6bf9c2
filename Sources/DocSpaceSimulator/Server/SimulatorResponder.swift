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
    let buffer = try await request.body.collect(upTo: 30 * 1024 * 1024)
    let incoming = makeIncoming(request, context: context, body: Data(buffer.readableBytesView))
    await log.record(incoming.method, incoming.path)
    do {
      let answer = try await answer(incoming, context: context)
      await log.finished()
      return answer
    } catch {
      await log.finished()
      throw error
    }
  }

  private func answer(_ incoming: Incoming, context: SimulatorContext) async throws -> Response {
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
    return response(await routes.handle(incoming))
  }

  private func makeIncoming(_ request: Request, context: SimulatorContext, body: Data) -> Incoming {
    var query: [String: String] = [:]
    for (key, value) in request.uri.queryParameters {
      query[String(key)] = String(value).removingPercentEncoding ?? String(value)
    }
    let headers = request.headers
    var cookies: [String: String] = [:]
    for pair in headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
      let trimmed = pair.trimmingCharacters(in: .whitespaces)
      guard let equals = trimmed.firstIndex(of: "=") else { continue }
      let name = String(trimmed[..<equals])
      if cookies[name] == nil { cookies[name] = String(trimmed[trimmed.index(after: equals)...]) }
    }
    let ip = context.channel.remoteAddress?.ipAddress ?? "127.0.0.1"
    return Incoming(
      method: request.method.rawValue, path: request.uri.path, query: query, rawQuery: request.uri.query,
      scheme: options.tls == nil ? "http" : "https", cookies: cookies, authorization: headers[.authorization],
      userAgent: headers[.userAgent], referer: headers[.referer], origin: headers[.origin],
      preflightMethod: headers[.accessControlRequestMethod], preflightHeaders: headers[.accessControlRequestHeaders],
      ip: ip, host: request.head.authority ?? "\(options.host):\(options.port)", body: body)
  }

  private func response(_ outgoing: Outgoing) -> Response {
    var fields = HTTPFields()
    for (name, value) in outgoing.headers {
      if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
    }
    if let timing = HTTPField.Name("Server-Timing") { fields[timing] = "aspnetcore-request-time;dur=1ms" }
    return Response(
      status: .init(code: outgoing.status), headers: fields,
      body: .init(byteBuffer: ByteBuffer(string: outgoing.body)))
  }
}
