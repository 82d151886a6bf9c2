/// Settings as a record, and `set NAME VALUE` parsed into a change.
enum SettingsRecord {
  static func make(_ settings: Settings) -> Record {
    Record(
      kind: "settings",
      fields: [
        ("output", .string(settings.output.rawValue)), ("confirm", .string(onOff(settings.confirm))),
        ("trace", .string(settings.traceBodies ? "full" : onOff(settings.trace))),
        ("concurrency", value(settings.concurrency)),
        ("timeout", .duration(settings.timeout)), ("color", .string(settings.color.rawValue)),
        ("dry-run", .string(onOff(settings.dryRun))), ("editor", .string(settings.editor)),
        ("timezone", .string(settings.timeZone.text)), ("view", .string(settings.view.rawValue)),
      ])
  }

  static func onOff(_ flag: Bool) -> String { flag ? "on" : "off" }

  /// `auto` as a string, a fixed ceiling as a number.
  static func value(_ concurrency: Settings.Concurrency) -> Value {
    switch concurrency {
    case .auto: return .string("auto")
    case .fixed(let number): return .int(number)
    }
  }

  static func allowed(_ option: String) -> String? {
    Settings.options.first { $0.name == option }.map { "\(option) takes \($0.values)" }
  }

  static func change(_ option: String, to value: Value) throws -> @Sendable (inout Settings) -> Void {
    let text = value.displayText
    func bad() -> CommandFailure {
      CommandFailure(.usage, "'\(text)' is not a value for \(option)", help: allowed(option), argument: .positional(1))
    }
    func flag() throws -> Bool {
      switch text {
      case "on", "true", "yes": return true
      case "off", "false", "no": return false
      default: throw bad()
      }
    }
    switch option {
    case "output":
      guard let format = Settings.OutputFormat(rawValue: text) else { throw bad() }
      return { $0.output = format }
    case "color":
      guard let mode = Settings.ColorMode(rawValue: text) else { throw bad() }
      return { $0.color = mode }
    case "view":
      guard let mode = Settings.ViewMode(rawValue: text) else { throw bad() }
      return { $0.view = mode }
    case "confirm":
      let on = try flag()
      return { $0.confirm = on }
    case "trace":
      let full = text == "full"
      let on = try full || flag()
      return {
        $0.trace = on
        $0.traceBodies = full
      }
    case "dry-run":
      let on = try flag()
      return { $0.dryRun = on }
    case "concurrency":
      if text == "auto" { return { $0.concurrency = .auto } }
      guard let number = value.asInt ?? Int(text), Settings.concurrencyRange.contains(number) else { throw bad() }
      return { $0.concurrency = .fixed(number) }
    case "timeout":
      guard case .duration(let seconds) = value, Settings.timeoutRange.contains(seconds) else { throw bad() }
      return { $0.timeout = seconds }
    case "editor":
      guard text == "emacs" || text == "vi" else { throw bad() }
      return { $0.editor = text }
    case "timezone":
      guard let zone = DisplayZone(text) else { throw bad() }
      return { $0.timeZone = zone }
    default:
      throw CommandFailure(
        .usage, "unknown option '\(option)'",
        help: Suggestions.didYouMean(option, in: Settings.options.map(\.name))
          ?? "options: " + Settings.options.map(\.name).joined(separator: ", "),
        argument: .positional(0))
    }
  }
}
