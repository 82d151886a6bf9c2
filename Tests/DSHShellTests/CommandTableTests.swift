import DSHLanguage
import DocSpaceVerbs
import Testing

@testable import DSHShell

/// The command tables: each in alphabetical order of the names, and no name in two places, so
/// that a session's registry never silently swaps one command for another.
@Suite struct CommandTableTests {
  static let tables: [(String, [String])] = [
    ("DataCommands.all", DataCommands.all.map(\.name)),
    ("DocSpaceVerbs.all", DocSpaceVerbs.all(PortalConnection()).map(\.name)),
    ("ShellCommands.all", ShellCommands.all(history: nil).map(\.name)),
  ]

  @Test(arguments: 0..<tables.count)
  func eachTableIsInAlphabeticalOrder(_ index: Int) {
    let (table, names) = Self.tables[index]
    #expect(!names.isEmpty)
    #expect(names == names.sorted(), "\(table) is not in alphabetical order")
  }

  @Test func noCommandNameIsDeclaredTwice() {
    let names = Session.commands(PortalConnection(), history: nil).map(\.name)
    let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    #expect(repeated == [], "declared more than once: \(repeated)")
  }

  @Test func aSessionKnowsExactlyTheCommandsOfTheTables() {
    let terminal = Terminal(
      writeOut: { _ in }, writeErr: { _ in }, stdoutIsTTY: false, stderrIsTTY: false, width: { 80 },
      colorAllowed: false)
    let session = Session(Session.Options(terminal: terminal))
    let declared = Session.commands(PortalConnection(), history: nil).map(\.name).sorted()
    #expect(session.interpreter.registry.names == declared)
    #expect(declared.contains("history") && declared.contains("version"))
  }
}
