import Foundation

/// The query of `audit/login/filter`, bound as ASP.NET binds `LoginEventRequestDto`
/// (SERVER `web/ASC.Web.Api/ApiModels/RequestsDto/LoginEventRequestDto.cs`): every value
/// that does not convert is a model error, and all of them come back in one 400.
struct LoginFilterQuery: Sendable {
  /// Nil when absent or the empty GUID (LoginEventsRepository.cs:77 ignores `Guid.Empty`).
  var userId: String?
  /// Nil when absent or `None` (SecurityController.cs:134, LoginEventsRepository.cs:82).
  var action: Int?
  var from: Date?
  var to: Date?
  /// `[Range(1, ApiContext.MaxCount)]`, default `ApiContext.DefaultCount` (LoginEventRequestDto.cs:83-85).
  var count = 100
  var startIndex = 0

  static func parse(_ query: [String: String]) -> Result<LoginFilterQuery, ModelErrors> {
    var parsed = LoginFilterQuery()
    var errors: [(String, [String])] = []
    if let text = query["userId"] {
      if let guid = guid(text) {
        parsed.userId = guid == PortalState.emptyGuid ? nil : guid
      } else {
        errors.append(("userId", [notValid(text, for: "UserId")]))
      }
    }
    if let text = query["action"] {
      // The enum binder takes a name (any case) or a number, and only a defined member.
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      let value =
        Int(trimmed) ?? MessageActions.byName.first { $0.key.caseInsensitiveCompare(trimmed) == .orderedSame }?.value
      if let value, MessageActions.defined.contains(value) {
        parsed.action = value == -1 ? nil : value
      } else {
        errors.append(("action", ["The value '\(text)' is invalid."]))
      }
    }
    if let text = query["count"] {
      if let count = Int(text.trimmingCharacters(in: .whitespaces)) {
        parsed.count = count
        if !(1...100).contains(count) { errors.append(("count", ["The field Count must be between 1 and 100."])) }
      } else {
        errors.append(("count", [notValid(text, for: "Count")]))
      }
    }
    if let text = query["startIndex"] {
      // Not range-checked: a negative start skips nothing (LoginEventsRepository.cs:68).
      if let start = Int(text.trimmingCharacters(in: .whitespaces)) {
        parsed.startIndex = max(0, start)
      } else {
        errors.append(("startIndex", [notValid(text, for: "StartIndex")]))
      }
    }
    parsed.from = query["from"].flatMap(AuditRoutes.date)
    parsed.to = query["to"].flatMap(AuditRoutes.date)
    return errors.isEmpty ? .success(parsed) : .failure(ModelErrors(errors: errors))
  }

  func matches(_ row: LoginEventRow) -> Bool {
    (userId.map { row.userId == $0 } ?? true) && (action.map { row.action == $0 } ?? true)
      && (from.map { row.date >= $0 } ?? true) && (to.map { row.date <= $0 } ?? true)
  }

  private static func notValid(_ text: String, for property: String) -> String {
    "The value '\(text)' is not valid for \(property)."
  }

  /// `Guid.Parse`: the D, N, B and P forms, any case; lower-case D form out.
  static func guid(_ text: String) -> String? {
    var hex = text.trimmingCharacters(in: .whitespaces).lowercased()
    if (hex.hasPrefix("{") && hex.hasSuffix("}")) || (hex.hasPrefix("(") && hex.hasSuffix(")")) {
      hex = String(hex.dropFirst().dropLast())
    }
    if hex.count == 36 {
      guard PortalRoutes.isGuid(hex) else { return nil }
      return hex
    }
    guard hex.count == 32, hex.allSatisfy(\.isHexDigit) else { return nil }
    let characters = Array(hex)
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
    return groups.joined(separator: "-")
  }
}
