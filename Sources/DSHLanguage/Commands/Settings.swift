/// The options `set` changes.
///
/// One value per session.
public struct Settings: Sendable, Equatable {
  /// What results are printed as: tables for people, JSON or CSV for programs.
  public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv
  }

  /// Whether output is coloured: `auto` colours a terminal only.
  public enum ColorMode: String, Sendable, CaseIterable {
    case auto, on, off
  }

  /// How a list of records is shown in table output: `auto` gives a table when it fits the
  /// terminal and one block per record (`field │ value`) when it does not; `table` always
  /// gives a table, cutting long cells and leaving out columns that do not fit; `vertical`
  /// always gives the blocks.
  public enum ViewMode: String, Sendable, CaseIterable {
    case auto, table, vertical
  }

  /// `set output`: what results are printed as.
  public var output: OutputFormat = .table
  /// `set confirm`: whether ending more than one session, or the shell's own, asks first.
  public var confirm = true
  /// `set trace on`: each request is shown as it is sent, with its status and time.
  public var trace = false
  /// `set trace full`: the trace also shows each request's and response's body, secrets redacted.
  public var traceBodies = false
  /// How many requests a bulk verb keeps in flight: `auto` (the default) adapts to the portal, a
  /// number fixes the ceiling.
  public enum Concurrency: Sendable, Equatable {
    /// Start moderate, grow while the portal keeps up, back off when it says no.
    case auto
    /// At most this many in flight, within `concurrencyRange` (backing off below it still).
    case fixed(Int)

    /// `auto`, or the number.
    public var text: String {
      switch self {
      case .auto: return "auto"
      case .fixed(let number): return String(number)
      }
    }
  }

  /// How many requests a bulk verb keeps in flight; a fixed ceiling stays within `concurrencyRange`.
  public var concurrency = Concurrency.auto {
    didSet {
      if case .fixed(let number) = concurrency {
        let range = Self.concurrencyRange
        concurrency = .fixed(min(max(number, range.lowerBound), range.upperBound))
      }
    }
  }
  /// Seconds one request may take, within `timeoutRange`.
  public var timeout: Double = 30 {
    didSet {
      timeout = timeout.isNaN ? 30 : min(max(timeout, Self.timeoutRange.lowerBound), Self.timeoutRange.upperBound)
    }
  }
  /// `set color`: whether output is coloured.
  public var color: ColorMode = .auto
  /// `set dry-run on` or `--dry-run`: changes are planned, not sent.
  public var dryRun = false
  /// `set editor`: the REPL's key bindings, `emacs` or `vi`.
  public var editor = "emacs"
  /// How dates are shown (tables, `print`, `format date`); JSON stays UTC.
  public var timeZone: DisplayZone = .utc
  /// How a list of records is shown in table output.
  public var view: ViewMode = .auto

  /// The defaults.
  public init() {}

  /// The ceilings `set concurrency N` takes: 64 is the HTTP client's pool.
  public static let concurrencyRange = 1...64
  /// 1 ms to 10 minutes.
  public static let timeoutRange: ClosedRange<Double> = 0.001...600

  /// Option names with their allowed values, for `set`, help and completion.
  public static let options: [(name: String, values: String)] = [
    ("output", "table|json|csv"), ("confirm", "on|off"), ("trace", "on|off|full"),
    ("concurrency", "auto|1-64"), ("timeout", "a duration from 1ms to 10m, e.g. 30s"), ("color", "auto|on|off"),
    ("dry-run", "on|off"), ("editor", "emacs|vi"), ("timezone", "utc|local|±HH:MM, e.g. \"+02:00\""),
    ("view", "auto|table|vertical"),
  ]
}
