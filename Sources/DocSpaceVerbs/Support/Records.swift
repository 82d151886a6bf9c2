import DSHLanguage
import DocSpaceAPI
import Foundation

/// API models as dsh records, with typed known fields.
enum Records {
  static let sessionFields = [
    "id", "current", "date", "browser", "platform", "ip", "city", "country", "userId", "page", "mobile", "tenantId",
  ]
  static let loginFields = [
    "id", "date", "user", "action", "ip", "city", "country", "browser", "platform", "userId", "actionId", "page",
    "login",
  ]
  static let userFields = [
    "id", "displayName", "email", "role", "userName", "firstName", "lastName", "status", "registrationDate",
  ]
  static let resultFields = ["target", "name", "outcome", "status", "error"]

  static let sessionSchema = Schema.record(name: "session", fields: sessionFields)
  static let loginSchema = Schema.record(name: "login", fields: loginFields)
  static let userSchema = Schema.record(name: "user", fields: userFields)
  static let resultSchema = Schema.record(name: "result", fields: resultFields)

  static func text(_ value: String?) -> Value { value.map(Value.string) ?? .null }

  static func session(_ item: ActiveConnection, current: Bool) -> Value {
    .record(
      Record(
        kind: "session",
        fields: [
          ("id", .int(item.id)), ("current", .bool(current)), ("date", .date(item.date)),
          ("browser", text(item.browser)), ("platform", text(item.platform)), ("ip", text(item.ip)),
          ("city", text(item.city)), ("country", text(item.country)), ("userId", .string(item.userId)),
          ("page", text(item.page)), ("mobile", .bool(item.mobile)), ("tenantId", .int(item.tenantId)),
        ]))
  }

  static func login(_ event: LoginEvent) -> Value {
    .record(
      Record(
        kind: "login",
        fields: [
          ("id", .int(event.id)), ("date", .date(event.date)), ("user", text(event.user)),
          ("action", text(event.action)), ("ip", text(event.ip)), ("city", text(event.city)),
          ("country", text(event.country)), ("browser", text(event.browser)), ("platform", text(event.platform)),
          ("userId", text(event.userId)), ("actionId", .int(event.actionId)), ("page", text(event.page)),
          ("login", text(event.login)),
        ]))
  }

  static func user(_ employee: Employee) -> Value {
    .record(
      Record(
        kind: "user",
        fields: [
          ("id", .string(employee.id)), ("displayName", .string(employee.displayName)), ("email", text(employee.email)),
          ("role", .string(employee.role)), ("userName", text(employee.userName)),
          ("firstName", text(employee.firstName)),
          ("lastName", text(employee.lastName)), ("status", employee.status.map(Value.int) ?? .null),
          ("registrationDate", employee.registrationDate.map(Value.date) ?? .null),
        ]))
  }

  /// A short description for completion menus: `Chrome 120 · 203.0.113.7 · 3d ago`.
  static func describe(_ item: ActiveConnection, now: Date = Date()) -> String {
    let age = Value.duration(now.timeIntervalSince(item.date)).displayText
    return [item.browser, item.platform, item.ip, "\(age) ago"].compactMap { $0 }.filter { !$0.isEmpty }
      .joined(separator: " · ")
  }
}
