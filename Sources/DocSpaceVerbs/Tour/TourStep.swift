/// One lesson of `tour`: what it teaches, what to type, and how to tell it was done.
struct TourStep: Sendable {
  var title: String
  var lesson: String
  /// Entries to type, in order.
  var tryThis: [String]
  /// The verbs whose HTTP calls the step shows once it is done.
  var verbs: [String]
  /// What is still missing, given the REPL entries that ran without an error; nil when done.
  var missing: @Sendable ([String]) -> String?
}

extension TourStep {
  /// Done once some entry satisfies each of `needs`, each with its hint.
  static func needing(_ needs: [(hint: String, test: @Sendable (String) -> Bool)]) -> @Sendable ([String]) -> String? {
    { entries in needs.first { need in !entries.contains(where: need.test) }?.hint }
  }

  /// The entry runs `verb` (first word), optionally after `$x = `.
  static func runs(_ verb: String, _ entry: String) -> Bool {
    var text = Substring(entry)
    if text.hasPrefix("$"), let equals = text.firstIndex(of: "=") { text = text[text.index(after: equals)...] }
    let first = text.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "(" }).first
    return first.map(String.init) == verb
  }
}
