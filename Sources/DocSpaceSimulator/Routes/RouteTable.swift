/// What a request is routed to.
enum Endpoint: Sendable {
  case isAuthenticated, signIn, signOut
  case connections, closeConnection, closeAllOf, closeAllExceptThis, closeAllAndChangePassword
  case loginHistoryLast, loginHistoryFilter
  case people, peopleFilter, peopleSelf, personByEmail, person

  /// `[AllowAnonymous]` actions (SERVER `web/ASC.Web.Api/Api/AuthenticationController.cs`);
  /// every other one answers an anonymous caller with the challenge's 401.
  var allowsAnonymous: Bool { self == .isAuthenticated || self == .signIn || self == .signOut }
}

/// The outcome of routing, which ASP.NET Core does before authentication
/// (SERVER `common/ASC.Api.Core/Core/BaseStartup.cs:588` `UseRouting`, `:618` `UseAuthentication`).
enum RouteMatch: Equatable {
  /// The endpoint and the values of its parameters, in order.
  case endpoint(Endpoint, [String])
  /// The path exists, but not for this method: 405 with `Allow` naming the methods it has.
  case methodNotAllowed([String])
  /// No route has this path (or a route constraint failed): 404, whoever asks.
  case notFound
}

/// The simulated part of the 3.7 routing table, matched as endpoint routing matches it:
/// literals case-insensitively, `{x:int}` and `{x:guid}` constraints, a literal before a
/// parameter in the same place, and no implicit HEAD for a GET.
enum RouteTable {
  enum Segment: Equatable {
    case literal(String)
    case int
    case guid
    case any

    func matches(_ text: String) -> Bool {
      switch self {
      case .literal(let literal): return literal.caseInsensitiveCompare(text) == .orderedSame
      // `int` is `int.TryParse` (an Int32); `guid` is `Guid.TryParse` (D, N, B and P forms).
      case .int: return Int32(text) != nil
      case .guid: return LoginFilterQuery.guid(text) != nil
      case .any: return true
      }
    }

    /// Lower is preferred: a literal, then a constrained parameter, then any value.
    var precedence: Int {
      switch self {
      case .literal: return 0
      case .int, .guid: return 1
      case .any: return 2
      }
    }
  }

  struct Template {
    var method: String
    var segments: [Segment]
    var endpoint: Endpoint

    init(_ method: String, _ template: String, _ endpoint: Endpoint) {
      self.method = method
      self.endpoint = endpoint
      segments = ("api/2.0/" + template).split(separator: "/").map { part -> Segment in
        switch part {
        case "{int}": return .int
        case "{guid}": return .guid
        case "{any}": return .any
        default: return .literal(String(part))
        }
      }
    }

    func matches(_ parts: [String]) -> Bool {
      parts.count == segments.count && zip(segments, parts).allSatisfy { $0.matches($1) }
    }
  }

  /// Controllers: SERVER `web/ASC.Web.Api/Api/AuthenticationController.cs`,
  /// `web/ASC.Web.Api/Api/ConnectionsController.cs`, `web/ASC.Web.Api/Api/SecurityController.cs`,
  /// `products/ASC.People/Server/Api/UserController.cs`.
  static let templates: [Template] = [
    Template("GET", "authentication", .isAuthenticated),
    Template("POST", "authentication", .signIn),
    Template("POST", "authentication/logout", .signOut),
    Template("GET", "security/activeconnections", .connections),
    Template("PUT", "security/activeconnections/logout/{int}", .closeConnection),
    Template("PUT", "security/activeconnections/logoutall/{guid}", .closeAllOf),
    Template("PUT", "security/activeconnections/logoutallexceptthis", .closeAllExceptThis),
    Template("PUT", "security/activeconnections/logoutallchangepassword", .closeAllAndChangePassword),
    Template("GET", "security/audit/login/last", .loginHistoryLast),
    Template("GET", "security/audit/login/filter", .loginHistoryFilter),
    Template("GET", "people", .people),
    Template("GET", "people/filter", .peopleFilter),
    Template("GET", "people/@self", .peopleSelf),
    Template("GET", "people/email", .personByEmail),
    Template("GET", "people/{any}", .person),
  ]

  static func match(method: String, path: String) -> RouteMatch {
    let parts = path.split(separator: "/").map(String.init)
    let candidates = templates.filter { $0.matches(parts) }
    guard !candidates.isEmpty else { return .notFound }
    let allowed = candidates.filter { $0.method.caseInsensitiveCompare(method) == .orderedSame }
    guard let best = allowed.min(by: { isPreferred($0, over: $1) }) else {
      var methods: [String] = []
      for candidate in candidates where !methods.contains(candidate.method) { methods.append(candidate.method) }
      return .methodNotAllowed(methods)
    }
    let values = zip(best.segments, parts).compactMap { segment, part -> String? in
      if case .literal = segment { return nil }
      return segment == .guid ? LoginFilterQuery.guid(part) : part
    }
    return .endpoint(best.endpoint, values)
  }

  private static func isPreferred(_ one: Template, over other: Template) -> Bool {
    for (left, right) in zip(one.segments, other.segments) where left.precedence != right.precedence {
      return left.precedence < right.precedence
    }
    return false
  }
}
