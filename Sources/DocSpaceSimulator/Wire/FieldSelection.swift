/// `?fields=`, as SERVER `common/ASC.Api.Core/Core/DynamicIgnoreResolver.cs:41-158`
/// (`DynamicIgnoreConverter`) applies it: on the envelope only `response` is trimmed; the
/// response object, or each object of a response list, is depth 1, where a field `a` keeps
/// member `a` whole and `a.b` keeps `a` with only its `b`; deeper, a member stays when a
/// field names it by its dotted path, names its parent, or runs through it. Names compare
/// exactly (camelCase, case-sensitive); strings, numbers and booleans are leaves.
extension Wire {
  func keeping(fields: [String]) -> Wire { trimmed(fields, depth: 1, path: "") }

  private func trimmed(_ fields: [String], depth: Int, path: String) -> Wire {
    switch self {
    case .array(let items):
      return .array(items.map { $0.trimmed(fields, depth: depth, path: path) })
    case .object(let members):
      return .object(
        members.compactMap { name, value -> (String, Wire?)? in
          guard let value else { return nil }
          guard let kept = Self.selection(of: name, fields, depth: depth, path: path) else { return nil }
          return (name, value.trimmed(fields, depth: depth + 1, path: kept))
        })
    default:
      return self
    }
  }

  /// The path the member is kept under, or nil when no field selects it (the `fields.Any`
  /// predicate of DynamicIgnoreResolver.cs:75-107; its first match sets the path).
  private static func selection(of name: String, _ fields: [String], depth: Int, path: String) -> String? {
    for field in fields {
      if field.contains(".") {
        let checkName = depth == 1 ? name : "\(path).\(name)"
        if field == checkName || field == path || field.hasPrefix(checkName + ".") { return checkName }
      } else if field == (depth == 1 ? name : path) {
        return depth == 1 ? name : path
      }
    }
    return nil
  }
}
