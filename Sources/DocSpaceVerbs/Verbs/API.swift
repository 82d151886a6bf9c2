import DSHLanguage
import DocSpaceAPI
import Foundation

extension DocSpaceVerbs {
  static func api(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "api", summary: "Any API call; the JSON answer as a value",
      discussion: """
        The whole envelope comes back (response, count, total, links, status, statusCode). In a \
        dry run a GET is sent and any other method is planned, not sent.

        The calls dsh itself makes (help VERB shows each one's query, body and response fields):
        \(catalogue)
        """,
      category: .connection,
      signature: Signature(
        [Parameter("METHOD", help: "GET, POST, PUT or DELETE"), Parameter("PATH", help: "e.g. /api/2.0/people/@self")],
        flags: [
          Flag("body", value: "RECORD", help: "the JSON body, as a record"),
          Flag("dry-run", help: "send a GET; list any other request instead of sending it"),
        ]),
      output: .unknown,
      examples: [
        Example("api GET /api/2.0/people/@self | get response.email", "a raw call", .output("owner@example.com\n"))
      ],
      seeAlso: ["curl", "explain"]
    ) { invocation in
      let client = try await portal.client(for: invocation)
      let method = (invocation.positional(0)?.displayText ?? "").uppercased()
      guard ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(method) else {
        throw CommandFailure(
          .usage, "'\(method)' is not an HTTP method", help: "use GET, POST, PUT or DELETE", argument: .positional(0))
      }
      let path = invocation.positional(1)?.displayText ?? ""
      let body = invocation.flags["body"].map { Data(JSON.encode($0, indent: nil).utf8) }
      if client.options.dryRun && method != "GET" {
        let planned = try await DryRun.plan { () async throws(APIError) in
          _ = try await client.raw(method: method, path: path, body: body)
        }
        return DryRun.value([planned])
      }
      let data = try await calling { () async throws(APIError) in
        try await client.raw(method: method, path: path, body: body)
      }
      guard !data.isEmpty else { return .null }
      do {
        return try JSON.parse(String(decoding: data, as: UTF8.self))
      } catch {
        return .string(String(decoding: data, as: UTF8.self))
      }
    }
  }

  /// Every declared endpoint, one a line: `help api`.
  static var catalogue: String {
    let width = Endpoint.all.map(\.line.count).max() ?? 0
    return Endpoint.all.map { endpoint in
      "  \(endpoint.line.padding(toLength: width, withPad: " ", startingAt: 0))  \(endpoint.summary)\n"
        + "  \(String(repeating: " ", count: width))  role: \(endpoint.role) · \(endpoint.referenceURL)"
    }.joined(separator: "\n")
  }
}
