extension DataCommands {
  static let count = CommandSpec(
    name: "count", summary: "How many items flow in",
    category: .data, output: .fixed(.scalar("int")),
    examples: [Example("[4, 5, 6] | count", "three items", .output("3\n"))],
    seeAlso: ["where"]
  ) { invocation in
    if case .record(let record) = invocation.input { return .int(record.fields.count) }
    return .int(try invocation.inputList().count)
  }

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

  static let group = CommandSpec(
    name: "group", summary: "Group rows by a field: a record from each value to its rows",
    category: .data,
    signature: Signature([Parameter("FIELD", .field, help: "the field to group by")]),
    output: .unknown,
    examples: [
      Example(
        "[{u: \"a\"}, {u: \"b\"}, {u: \"a\"}] | group u | to json --compact",
        "rows per user", .output("{\"a\":[{\"u\":\"a\"},{\"u\":\"a\"}],\"b\":[{\"u\":\"b\"}]}\n"))
    ],
    seeAlso: ["uniq", "count"]
  ) { invocation in
    guard let name = try Fields.names(invocation).first else { return .null }
    var keys: [String] = []
    var rows: [[Value]] = []
    var position: [String: Int] = [:]
    for row in try invocation.inputList() {
      let key = try Fields.value(name, in: row, argument: .positional(0)).displayText
      if let index = position[key] {
        rows[index].append(row)
      } else {
        position[key] = keys.count
        keys.append(key)
        rows.append([row])
      }
    }
    var groups = Record()
    for (key, members) in zip(keys, rows) { groups[key] = .list(members) }
    return try Self.limitNesting(.record(groups))
  }

  static let each = CommandSpec(
    name: "each", summary: "Run a block for every item ($it); the results form a list",
    category: .data,
    signature: Signature([Parameter("BLOCK", .block, help: "{ … } using $it")]),
    output: .unknown,
    examples: [Example("[1, 2] | each { $it * 10 } | to json --compact", "times ten", .output("[10,20]\n"))],
    seeAlso: ["where"]
  ) { invocation in
    guard let block = invocation.rowFunctions[0] else {
      throw CommandFailure(.usage, "each needs a block: each { … }", argument: .positional(0))
    }
    var results: [Value] = []
    for item in try invocation.inputList() {
      try Task.checkCancellation()
      results.append(try await block(item))
    }
    return try Self.limitNesting(.list(results))
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
      hasher.combine(record.fields.count)
      for field in record.fields {
        hasher.combine(field.name)
        combine(field.value, into: &hasher)
      }
    }
  }
}
