extension Value {
  /// How deeply lists and records may nest.
  ///
  /// Encoding, comparing, rendering and freeing a value each recurse once per level, so a deeper
  /// value could overflow a task's stack.
  ///
  /// Enforced where a container is built around other values: list and record literals,
  /// `group`, `each` and `from json` measure what they build with `nestingDepth(of:)`.
  /// The walk stops at the limit and visits a shared list or record once, so rebuilding
  /// `$x = [$x]` costs at most this many steps each time; its cost otherwise is the number
  /// of items inside the new value. Other values (the portal's JSON) come from a decoder
  /// with its own limit.
  public static let maximumNesting = 256

  /// The longest duration a literal may write: about 10,000 years.
  public static let maximumDuration: Double = 520_000 * 604_800
  static let maximumDurationText = "520000w (about 10000 years)"

  /// How deeply `value` nests (a scalar is 0, `[1]` is 1).
  ///
  /// Past `limit` the walk stops and returns some number above `limit`.
  public static func nestingDepth(of value: Value, limit: Int = maximumNesting) -> Int {
    var measured: [UnsafeRawPointer: Int] = [:]
    return depth(of: value, within: limit, measured: &measured)
  }

  private static func depth(
    of value: Value, within remaining: Int, measured: inout [UnsafeRawPointer: Int]
  ) -> Int {
    let storage: UnsafeRawPointer?
    switch value {
    case .list(let items): storage = items.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    case .record(let record):
      storage = record.values.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    default: return 0
    }
    guard let storage else { return 1 }
    if let known = measured[storage] { return known }
    guard remaining > 0 else { return 1 }
    var deepest = 0
    func visit(_ child: Value) -> Bool {
      deepest = max(deepest, depth(of: child, within: remaining - 1, measured: &measured))
      return deepest < remaining
    }
    switch value {
    case .list(let items):
      for item in items where !visit(item) { return deepest + 1 }
    case .record(let record):
      for field in record.values where !visit(field) { return deepest + 1 }
    default: break
    }
    measured[storage] = deepest + 1
    return deepest + 1
  }
}
