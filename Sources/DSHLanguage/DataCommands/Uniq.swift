extension DataCommands {
  static let uniq = CommandSpec(
    name: "uniq", summary: "Drop repeated items, keeping the first of each",
    category: .data, output: .sameAsInput,
    examples: [Example("[1, 2, 1, 3, 2] | uniq | to json --compact", "first occurrences", .output("[1,2,3]\n"))],
    seeAlso: ["group"]
  ) { invocation in
    let items = try invocation.inputList()
    let key = LooseKey(datesAmong: items)
    var kept: [Value] = []
    var seen: [Int: [Int]] = [:]
    seen.reserveCapacity(items.count)
    for item in items {
      let hash = key.hash(item)
      if let earlier = seen[hash], earlier.contains(where: { kept[$0].looselyEquals(item) }) { continue }
      seen[hash, default: []].append(kept.count)
      kept.append(item)
    }
    return .list(kept)
  }
}

/// A hash of a value that agrees with `looselyEquals`: two values it calls equal hash alike
/// (1 and 1.0; a date and an ISO string of the same instant when the items hold a date), so
/// `uniq` compares an item only with the earlier items of its hash.
private struct LooseKey {
  /// Whether a string may equal a date among the items: then strings that read as dates
  /// hash as their instant.
  let datesMatter: Bool

  init(datesAmong items: [Value]) {
    func holdsDate(_ value: Value) -> Bool {
      switch value {
      case .date: return true
      case .list(let inner): return inner.contains(where: holdsDate)
      default: return false
      }
    }
    datesMatter = items.contains(where: holdsDate)
  }

  func hash(_ value: Value) -> Int {
    var hasher = Hasher()
    combine(value, into: &hasher)
    return hasher.finalize()
  }

  private func combine(_ value: Value, into hasher: inout Hasher) {
    switch value {
    case .null: hasher.combine(0)
    case .bool(let flag):
      hasher.combine(1)
      hasher.combine(flag)
    case .int(let number):
      hasher.combine(2)
      hasher.combine(Double(number))
    case .float(let number):
      hasher.combine(2)
      hasher.combine(number)
    case .string(let text):
      if datesMatter, let date = DateText.parse(text) {
        hasher.combine(3)
        hasher.combine(date)
      } else {
        hasher.combine(4)
        hasher.combine(text)
      }
    case .date(let date):
      hasher.combine(3)
      hasher.combine(date)
    case .duration(let seconds):
      hasher.combine(5)
      hasher.combine(seconds)
    case .list(let items):
      hasher.combine(6)
      hasher.combine(items.count)
      for item in items { combine(item, into: &hasher) }
    case .record(let record):
      hasher.combine(7)
      hasher.combine(record.names.count)
      for (name, value) in zip(record.names, record.values) {
        hasher.combine(name)
        combine(value, into: &hasher)
      }
    }
  }
}
