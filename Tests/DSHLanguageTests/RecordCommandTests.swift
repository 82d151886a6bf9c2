import DSHLanguage
import Testing

/// merge, insert and reject: on a record and on each record of a list.
@Suite struct RecordCommandTests {
  func json(_ code: String) async -> String {
    await evaluate("print (\(code) | to json --compact)").output
  }

  func failure(_ code: String) async -> String {
    await evaluate(code).runtimeError?.message ?? "no error"
  }

  @Test func mergeKeepsPlacesAndTheArgumentWins() async {
    #expect(await json("{a: 1, b: 2} | merge {c: 3, a: 9}") == "{\"a\":9,\"b\":2,\"c\":3}\n")
  }

  @Test func mergeOnAListMergesEach() async {
    #expect(await json("[{a: 1}, {a: 2}] | merge {b: 0}") == "[{\"a\":1,\"b\":0},{\"a\":2,\"b\":0}]\n")
  }

  @Test func mergeNeedsARecordArgument() async {
    #expect(await failure("{a: 1} | merge 5").contains("RECORD must be a record, not int"))
  }

  @Test func mergeOnAListWithAScalarNamesTheItem() async {
    #expect(await failure("[{a: 1}, 2] | merge {b: 1}").contains("item 1 is int"))
  }

  @Test func insertAddsAFieldAtTheEnd() async {
    #expect(await json("{a: 1} | insert b \"x\"") == "{\"a\":1,\"b\":\"x\"}\n")
  }

  @Test func insertRefusesAnExistingField() async {
    let result = await evaluate("{a: 1} | insert a 2")
    guard case .commandFailed(_, let failure, _)? = result.runtimeError else {
      Issue.record("expected a failure")
      return
    }
    #expect(failure.message.contains("already has a field 'a'"))
    #expect(failure.help?.contains("merge") == true)
  }

  @Test func insertWithABlockComputesPerRecord() async {
    #expect(
      await json("[{e: \"a@x\"}, {e: \"b@y\"}] | insert host { $it.e | split \"@\" | last } | get host")
        == "[\"x\",\"y\"]\n")
  }

  @Test func insertAParenthesisedRecordValue() async {
    #expect(await json("{a: 1} | insert m ({k: 2})") == "{\"a\":1,\"m\":{\"k\":2}}\n")
  }

  @Test func rejectDropsFields() async {
    #expect(await json("[{a: 1, b: 2}, {a: 3, b: 4}] | reject a") == "[{\"b\":2},{\"b\":4}]\n")
  }

  @Test func rejectOfAMissingFieldSuggestsOne() async {
    let result = await evaluate("{name: 1} | reject nmae")
    guard case .commandFailed(_, let failure, _)? = result.runtimeError else {
      Issue.record("expected a failure")
      return
    }
    #expect(failure.kind == .unknownField)
    #expect(failure.help?.contains("name") == true)
  }

  @Test func rejectTheSameFieldTwiceIsFine() async {
    #expect(await json("{a: 1, b: 2} | reject a a") == "{\"b\":2}\n")
  }
}
