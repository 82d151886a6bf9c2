import DSHLanguage
import Testing

/// `uniq` and `group` keep first-seen order, and `uniq` keeps `==`'s idea of equal.
@Suite struct UniqGroupTests {
  /// The program's result as compact JSON.
  func json(_ code: String) async -> String {
    await evaluate("print (\(code) | to json --compact)").output
  }

  @Test func uniqKeepsTheFirstOfEachInFirstSeenOrder() async {
    let items = (0..<5000).map { ($0 * 7919) % 1000 }
    var seen = Set<Int>()
    let expected = items.filter { seen.insert($0).inserted }
    let list = items.map(String.init).joined(separator: ",")
    #expect(await json("[\(list)] | uniq") == "[\(expected.map(String.init).joined(separator: ","))]\n")
  }

  @Test func uniqTreatsAnIntAndTheEqualFloatAsOne() async {
    #expect(await json("[1, 1.0, 2.0, 2, 1.5]") == "[1,1.0,2.0,2,1.5]\n")
    #expect(await json("[1, 1.0, 2.0, 2, 1.5] | uniq") == "[1,2.0,1.5]\n")
  }

  @Test func uniqTreatsADateAndItsISOStringAsOne() async {
    let code = "[(\"2026-01-02T03:04:05Z\" | into date), \"2026-01-02T03:04:05Z\", \"x\", \"x\"] | uniq | count"
    #expect(await json(code) == "2\n")
  }

  @Test func uniqComparesListsItemByItem() async {
    #expect(await json("[[1, 2], [1.0, 2], [2, 1], [1, 2, 3]] | uniq") == "[[1,2],[2,1],[1,2,3]]\n")
  }

  @Test func uniqKeepsRecordsThatDifferInAnyField() async {
    let code = "[{a: 1, b: 2}, {a: 1, b: 3}, {a: 1, b: 2}, {b: 2, a: 1}] | uniq"
    #expect(await json(code) == "[{\"a\":1,\"b\":2},{\"a\":1,\"b\":3},{\"b\":2,\"a\":1}]\n")
  }

  @Test func groupKeepsKeysAndRowsInFirstSeenOrder() async {
    let keys = (0..<3000).map { "u\(($0 * 31) % 7)" }
    let rows = keys.enumerated().map { "{\"u\":\"\($0.element)\",\"n\":\($0.offset)}" }
    let literals = keys.enumerated().map { "{u: \"\($0.element)\", n: \($0.offset)}" }
    var order: [String] = []
    var members: [String: [String]] = [:]
    for (key, row) in zip(keys, rows) {
      if members[key] == nil { order.append(key) }
      members[key, default: []].append(row)
    }
    let expected = order.map { "\"\($0)\":[\(members[$0, default: []].joined(separator: ","))]" }
    #expect(await json("[\(literals.joined(separator: ", "))] | group u") == "{\(expected.joined(separator: ","))}\n")
  }
}
