import DSHLanguage

/// The checks before a verb ends sessions: expected count, confirmation.
enum SafetyRails {
  static let flags = [
    Flag("yes", help: "do not ask for confirmation"),
    Flag("expect-count", value: "N", help: "refuse unless there are exactly N targets").checked(.int(0...Int.max)),
    Flag("dry-run", help: "send only the reads; list the changes as requests, not sent"),
  ]

  /// `--dry-run` on a verb that only reads: accepted (a script may set it everywhere), and
  /// the read is sent, since a dry run holds back only changes.
  static let readDryRun = Flag("dry-run", help: "accepted, but this verb only reads: the read is sent")

  static func checkCount(_ invocation: Invocation, count: Int) throws {
    // An int of 0 or more: the flag's check refused anything else before the verb ran.
    guard let number = invocation.flags["expect-count"]?.asInt else { return }
    if number != count {
      throw CommandFailure(
        .refused,
        "refusing: --expect-count \(number) but there \(count == 1 ? "is" : "are") \(count) target\(count == 1 ? "" : "s"); nothing was ended",
        argument: .flag("expect-count"))
    }
  }

  /// Whether `confirm` would ask its question.
  ///
  /// It asks in the REPL, with confirmation on, without `--yes` and not in a dry run; a verb
  /// reads what only the question needs just when it is asked.
  static func asks(_ invocation: Invocation) -> Bool {
    invocation.host.isInteractive && invocation.settings.confirm && !invocation.flag("yes") && !isDryRun(invocation)
  }

  /// In the REPL, asks before ending more than one session or the shell's own.
  static func confirm(_ invocation: Invocation, question: String, needed: Bool) async throws {
    guard needed, asks(invocation) else { return }
    if await !invocation.host.confirm(question) {
      throw CommandFailure(.refused, "not confirmed; nothing was ended", help: "add --yes to skip the question")
    }
  }

  /// Ctrl-C while a verb looked things up, before anything was sent.
  static func stopIfInterrupted() throws {
    if Task.isCancelled { throw CommandFailure(.interrupted, "interrupted; nothing was ended") }
  }

  /// `a, b and c`, or `a and 3 others`: who a question is about, short enough to read.
  static func list(_ names: [String]) -> String {
    guard let first = names.first, let last = names.last, names.count > 1 else { return names.joined() }
    guard names.count > 3 else { return names.dropLast().joined(separator: ", ") + " and " + last }
    return first + " and \(names.count - 1) others"
  }

  static func isDryRun(_ invocation: Invocation) -> Bool { invocation.settings.dryRun || invocation.flag("dry-run") }
}
