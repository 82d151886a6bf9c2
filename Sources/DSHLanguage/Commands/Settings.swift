/// The options `set` changes. One value per session.
public struct Settings: Sendable, Equatable {
  public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv
  }

  public enum ColorMode: String, Sendable, CaseIterable {
    case auto, on, off
  }

  public var output: OutputFormat = .table
  public var confirm = true
  public var trace = false
  public var concurrency = 8
  public var timeout: Double = 30
  public var color: ColorMode = .auto
  public var dryRun = false
  public var editor = "emacs"

  public init() {}

  /// Option names with their allowed values, for `set`, help and completion.
  public static let options: [(name: String, values: String)] = [
    ("output", "table|json|csv"), ("confirm", "on|off"), ("trace", "on|off"),
    ("concurrency", "1-64"), ("timeout", "a duration, e.g. 30s"), ("color", "auto|on|off"),
    ("dry-run", "on|off"), ("editor", "emacs|vi"),
  ]
}
