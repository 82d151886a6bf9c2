import DSHLanguage
import DocSpaceAPI
import Foundation

/// What bounds a reading of the sign-in history (`--since`, `--limit`, `--all`) and what
/// filters it, read from the flags before any request is sent.
struct LoginBounds {
  var filter = LoginHistory.Filter()
  var all = false

  init(_ invocation: Invocation) throws {
    filter.since = try DocSpaceVerbs.date(invocation, "since")
    filter.until = try DocSpaceVerbs.date(invocation, "until")
    filter.actions = try Self.actions(invocation.flags["action"])
    if let value = invocation.flags["limit"] {
      guard let limit = value.asInt, limit >= 1 else {
        throw CommandFailure(.usage, "--limit needs a whole number of at least 1", argument: .flag("limit"))
      }
      filter.limit = limit
    }
    all = invocation.flag("all")
  }

  /// Neither `--since`, `--limit` nor `--all`: the reading may be the whole history.
  var isUnbounded: Bool { filter.since == nil && filter.limit == nil && !all }

  static let boundHelp =
    "add --since DATE (e.g. --since (now - 7d)), --limit N, or --all to read it all; each 100 events is one request"

  /// Scripts must say how far back to read: the whole history may be thousands of requests.
  static let scriptBound = CommandSpec.ScriptBound(
    flags: ["since", "limit", "all"],
    problem: ArgumentProblem(
      "'logins' without --since, --limit or --all would read the portal's whole sign-in history", help: boundHelp))

  /// In the REPL, asks before reading a history of more than one page.
  func confirmWholeHistory(_ invocation: Invocation, pages: Int) async throws {
    guard invocation.settings.confirm else { return }
    let question =
      "The sign-in history holds \(pages) pages of 100 events: reading it all takes \(pages) requests. Read it all?"
    guard await invocation.host.confirm(question) else {
      throw CommandFailure(.refused, "not confirmed; nothing more was read", help: Self.boundHelp)
    }
  }

  /// `--action`: a group word, a MessageAction name (any case), or a number.
  static func actions(_ value: Value?) throws -> Set<Int>? {
    guard let value else { return nil }
    if let number = value.asInt { return [number] }
    let text = (value.asString ?? "").trimmingCharacters(in: .whitespaces)
    if let number = Int(text) { return [number] }
    switch text.lowercased() {
    case "login", "success": return LoginAction.successes
    case "failed", "failure": return LoginAction.failures
    case "logout": return [LoginAction.logout]
    default:
      if let match = LoginAction.byName.first(where: { $0.name.caseInsensitiveCompare(text) == .orderedSame }) {
        return [match.id]
      }
    }
    throw CommandFailure(
      .usage, "--action \(text.isEmpty ? value.typeName : text) is not a login action",
      help: "use login, failed, logout, a MessageAction name such as LoginFailViaApi, or a number such as 1013",
      argument: .flag("action"))
  }
}
