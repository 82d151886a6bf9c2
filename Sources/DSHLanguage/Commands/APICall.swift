/// One API call a verb makes, as help and `explain` show it: plain data that the verbs fill
/// from the client's endpoint declarations (the language knows nothing of HTTP).
public struct APICall: Sendable {
  /// A query parameter, body field or response field: name, type and one line.
  public struct Field: Sendable {
    /// The field's name as the API spells it.
    public var name: String
    /// Its type as the reference names it (`string`, `int`, `ApiDateTime`).
    public var type: String
    /// What it holds, in one line.
    public var help: String

    /// A field called `name` of `type`, described by `help`.
    public init(_ name: String, _ type: String, _ help: String) {
      self.name = name
      self.type = type
      self.help = help
    }
  }

  /// The HTTP method (`GET`, `PUT`).
  public var method: String
  /// The path template, such as `/api/2.0/security/activeconnections/logout/{loginEventId}`.
  public var path: String
  /// What the call does, in one line.
  public var summary: String
  /// The query parameters it takes.
  public var query: [Field]
  /// The fields of its JSON body.
  public var body: [Field]
  /// How it must be authenticated, in words.
  public var auth: String
  /// Who may make the call, in words.
  public var role: String
  /// The type of the envelope's `response` and its fields.
  public var responseType: String
  /// The fields of the envelope's `response`.
  public var response: [Field]
  /// The reference page on api.onlyoffice.com.
  public var reference: String
  /// When the verb makes this call, if not always (`once per email target, to find its id`).
  public var when: String?
  /// Why the verb makes it, when that is not plain from the verb (`to journal which sessions end`).
  public var purpose: String?

  /// A call declared field by field; verbs fill it from the client's endpoint declarations.
  public init(
    method: String, path: String, summary: String, query: [Field] = [], body: [Field] = [], auth: String,
    role: String, responseType: String, response: [Field] = [], reference: String, when: String? = nil,
    purpose: String? = nil
  ) {
    self.method = method
    self.path = path
    self.summary = summary
    self.query = query
    self.body = body
    self.auth = auth
    self.role = role
    self.responseType = responseType
    self.response = response
    self.reference = reference
    self.when = when
    self.purpose = purpose
  }

  /// The method and path on one line, such as `PUT /api/2.0/…`.
  public var line: String { "\(method) \(path)" }
  /// Whether the call changes the portal: any method but GET and HEAD.
  public var isMutating: Bool { method != "GET" && method != "HEAD" }
}
