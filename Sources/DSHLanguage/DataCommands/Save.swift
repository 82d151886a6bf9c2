import Foundation

extension DataCommands {
  static let save = CommandSpec(
    name: "save", summary: "Write the input to a file: .json as JSON, .csv as CSV, anything else as text",
    discussion: """
      A .json file gets indented JSON, a .csv file CSV with a header row, any other file text: \
      a string as it is (with a final line break), a list one item per line. An existing file \
      is refused unless --force (replace it) or --append (add to it; a .csv file then gets rows \
      only, in the order of its header). New files are created with mode 0600, readable only by \
      you: what dsh saves mostly comes from the portal. Returns nothing.
      """,
    category: .data,
    signature: Signature(
      [Parameter("FILE", help: "a path (~ is home)").completing(.files)],
      flags: [
        Flag("append", help: "add to the end of the file"), Flag("force", help: "replace an existing file"),
      ]),
    output: .fixed(.scalar("null")),
    examples: [
      Example("{a: 1} | save report.json --append", "a JSON file holds one value: no appending", .error("E205"))
    ],
    seeAlso: ["open", "to"]
  ) { invocation in
    let path = try TextInput.string(invocation, at: 0, named: "FILE")
    let append = invocation.flag("append")
    if append && invocation.flag("force") {
      throw CommandFailure(.usage, "choose one of --append, --force", argument: .flag("force"))
    }
    guard path != "-" else {
      throw CommandFailure(
        .usage, "save writes files", help: "print writes to standard output", argument: .positional(0))
    }
    let kind = DataFile.kind(of: path)
    if append && kind == "json" {
      throw CommandFailure(
        .usage, "cannot append to a .json file: it would no longer hold one JSON value",
        help: "save the whole value with --force, or use a .csv or text file", argument: .flag("append"))
    }
    let expanded = DataFile.expand(path, home: await invocation.session.environment["HOME"])
    let bytes = try DateText.$zone.withValue(invocation.settings.timeZone) {
      switch kind {
      case "json": return Array((JSON.encode(invocation.input) + "\n").utf8)
      case "csv":
        return Array(try SavedText.csv(invocation.input, appendingTo: append ? expanded : nil, shownAs: path).utf8)
      default: return Array(SavedText.text(invocation.input).utf8)
      }
    }
    try DataFile.write(
      bytes, to: expanded, shownAs: path, mode: append ? .append : invocation.flag("force") ? .replace : .create)
    return .null
  }
}
