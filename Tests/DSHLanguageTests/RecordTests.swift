import DSHLanguage
import Testing

/// Records: their fields in order, what changing them does, and what they cost in memory.
@Suite struct RecordTests {
  @Test func aValueHoldsARecordInTheSpaceOfAString() {
    #expect(MemoryLayout<Value>.size == MemoryLayout<String>.size + 1)
    #expect(MemoryLayout<Record>.size == MemoryLayout<String>.size)
  }

  @Test func settingANewFieldAddsItAtTheEndAndKeepsTheKind() {
    var record = Record(kind: "session", fields: [("id", 1), ("ip", "10.0.0.1")])
    record["city"] = "Riga"
    #expect(record.names == ["id", "ip", "city"])
    #expect(record.values == [1, "10.0.0.1", "Riga"])
    #expect(record.kind == "session")
  }

  @Test func settingNilRemovesTheFieldAndKeepsTheKind() {
    var record = Record(kind: "session", fields: [("id", 1), ("ip", "10.0.0.1"), ("city", "Riga")])
    record["ip"] = nil
    #expect(record.names == ["id", "city"])
    #expect(record.values == [1, "Riga"])
    #expect(record.kind == "session")
  }

  @Test func changingOneRecordLeavesARecordReadAlongsideItAlone() throws {
    let rows = try #require(try JSON.parse(#"[{"a":1,"b":2},{"a":3,"b":4}]"#).asList)
    var first = try #require(rows[0].asRecord)
    first["c"] = 5
    first["a"] = nil
    #expect(first.names == ["b", "c"])
    #expect(rows[1].asRecord?.names == ["a", "b"])
    #expect(rows[0].asRecord?.names == ["a", "b"])
  }

  @Test func aRepeatedNameKeepsItsFirstPlaceAndTheLastValue() {
    let record = Record(fields: [("a", 1), ("b", 2), ("a", 3)])
    #expect(record.names == ["a", "b"])
    #expect(record.values == [3, 2])
  }

  @Test func recordsWithTheSameFieldsAreEqualWhateverTheirKind() throws {
    let parsed = try #require(try JSON.parse(#"{"a":1,"b":"x"}"#).asRecord)
    #expect(parsed == Record(kind: "session", fields: [("a", 1), ("b", "x")]))
    #expect(parsed != Record(fields: [("b", "x"), ("a", 1)]))
  }
}
