import Testing

@testable import DocSpaceVerbs

/// `StatePaths`: dsh's state directory from XDG_STATE_HOME or HOME, and the files in it.
@Suite struct StatePathsTests {
  @Test func anAbsoluteXDGStateHomeHoldsTheDirectoryAndEveryFile() {
    let paths = StatePaths(environment: ["XDG_STATE_HOME": "/var/state", "HOME": "/home/ann"])
    #expect(paths.directory == "/var/state/dsh")
    #expect(paths.journal == "/var/state/dsh/journal.jsonl")
    #expect(paths.tour == "/var/state/dsh/tour")
    #expect(paths.history("127.0.0.1_8080") == "/var/state/dsh/history-127.0.0.1_8080")
  }

  @Test func withoutXDGStateHomeTheDirectoryIsUnderHome() {
    #expect(StatePaths(environment: ["HOME": "/home/ann"]).directory == "/home/ann/.local/state/dsh")
  }

  @Test func aRelativeXDGStateHomeIsIgnored() {
    let paths = StatePaths(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/ann"])
    #expect(paths.directory == "/home/ann/.local/state/dsh")
  }

  @Test func withoutAnAbsoluteHomeThereIsNoDirectoryUnlessOneIsGiven() {
    #expect(StatePaths(environment: ["HOME": "ann"]).directory == nil)
    #expect(StatePaths(environment: [:]).journal == nil)
    #expect(StatePaths(environment: ["HOME": "ann"], home: "/home/ann").directory == "/home/ann/.local/state/dsh")
  }

  @Test func aHistoryNameKeepsLettersDigitsDashesAndDots() {
    #expect(StatePaths.historyName("p.example-1.com") == "history-p.example-1.com")
    #expect(StatePaths.historyName("a b/c:d") == "history-a_b_c_d")
  }
}
