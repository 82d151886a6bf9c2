/// The bodies every answer is made of.
enum Envelope {
  /// `{response?, count, total?, links, status:0, statusCode}`; with `fields`, the response
  /// object, or each item of a response list, keeps only the fields named.
  static func success(
    _ response: Wire?, count: Int? = nil, total: Int? = nil, href: String, method: String, statusCode: Int = 200,
    fields: [String]? = nil
  ) -> String {
    let counted: Int
    switch response {
    case nil, .null?: counted = 0
    case .array(let items)?: counted = items.count
    default: counted = 1
    }
    return Wire.object([
      ("response", fields.map { response?.keeping(fields: $0) } ?? response), ("count", .int(count ?? counted)),
      ("total", total.map(Wire.int)),
      ("links", .array([.object([("href", .string(href)), ("action", .string(method))])])),
      ("status", .int(statusCode == 200 ? 0 : 1)), ("statusCode", .int(statusCode)),
    ]).text
  }

  /// `{error:{message,type,stack,hresult}, status:1, statusCode}`; nulls written, as the server does.
  static func error(_ message: String, type: String?, statusCode: Int, hresult: Int = 0) -> String {
    let typeWire: Wire = type.map(Wire.string) ?? .null
    let stack: Wire = type == nil ? .null : .string("   at ASC.Simulated (simulated stack)")
    return Wire.object([
      (
        "error",
        .object([("message", .string(message)), ("type", typeWire), ("stack", stack), ("hresult", .int(hresult))])
      ),
      ("status", .int(1)), ("statusCode", .int(statusCode)),
    ]).text
  }

  static func accessDenied() -> String {
    error("Access denied", type: "System.Security.SecurityException", statusCode: 403, hresult: -2_146_233_078)
  }

  /// A 400 model-validation problem, inside the success envelope.
  static func validation(field: String, message: String, href: String, method: String) -> String {
    validation(errors: [(field, [message])], href: href, method: method)
  }

  /// The same with every model error of the request, keyed by parameter name.
  static func validation(errors: [(String, [String])], href: String, method: String) -> String {
    let problem = Wire.object([
      ("type", .string("https://tools.ietf.org/html/rfc9110#section-15.5.1")),
      ("title", .string("One or more validation errors occurred.")), ("status", .int(400)),
      ("errors", .object(errors.map { ($0.0, .array($0.1.map(Wire.string))) })),
      ("traceId", .string("00-00000000000000000000000000000000-0000000000000000-00")),
    ])
    return success(problem, count: 1, href: href, method: method, statusCode: 400)
  }
}
