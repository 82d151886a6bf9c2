import DSHLanguage

extension DocSpaceVerbs {
  static func tour(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "tour", summary: "A guided lesson on the API, ten steps, best on the demo portal (dsh --demo)",
      discussion: """
        Each step says what it teaches and what to type; tour next checks that you did it (from \
        this shell's entries that ran without an error), shows the HTTP calls it made, and goes on. \
        Where you are is kept, so a tour left today goes on tomorrow. Steps 5 and 7 end sessions: \
        take the tour on the demo portal.
        """,
      category: .shell,
      signature: Signature([
        Parameter("STEP", optional: true, help: "next, back, reset, or a step number; without it, the current step")
          .completing(.values(["next", "back", "reset"]))
      ]),
      output: .fixed(.scalar("string")),
      examples: [Example("tour", "where you are in the tour", .runs)],
      seeAlso: ["help", "curl", "export"]
    ) { invocation in
      let progress = TourProgress(environment: portal.environment)
      let entries = await invocation.session.transcript
      var step = progress.load()
      var text = ""
      switch invocation.positional(0) {
      case nil:
        break
      case .string("next")?:
        guard step <= TourSteps.all.count else { break }
        if let missing = TourSteps.all[step - 1].missing(entries) {
          return .string("Step \(step) is not done yet: \(missing).\n(tour \(step + 1) skips ahead.)")
        }
        text = TourText.done(TourSteps.all[step - 1], number: step, registry: invocation.session.registry)
        step += 1
      case .string("back")?:
        step = max(1, step - 1)
      case .string("reset")?:
        step = 1
      case .int(let number)? where (1...TourSteps.all.count).contains(number):
        step = number
      case let other?:
        throw CommandFailure(
          .usage, "tour takes next, back, reset or a step from 1 to \(TourSteps.all.count), not \(other.displayText)",
          argument: .positional(0))
      }
      progress.save(step)
      guard step <= TourSteps.all.count else {
        return .string(
          text + "That was the last step: the tour is over. tour reset starts again; help lists every command.")
      }
      return .string(text + TourText.show(TourSteps.all[step - 1], number: step))
    }
  }
}

/// How tour steps read on the terminal.
enum TourText {
  static func show(_ step: TourStep, number: Int) -> String {
    """
    Tour, step \(number) of \(TourSteps.all.count): \(step.title)

    \(step.lesson)

    Try:
    \(step.tryThis.map { "  " + $0 }.joined(separator: "\n"))

    Then: tour next
    """
  }

  static func done(_ step: TourStep, number: Int, registry: CommandRegistry) -> String {
    let calls = step.verbs.compactMap { registry[$0] }.flatMap(\.calls).map { "  " + $0.line }
    guard !calls.isEmpty else { return "Step \(number) done.\n\n" }
    return "Step \(number) done. The calls behind it (curl shows the last one in full):\n"
      + calls.joined(separator: "\n") + "\n\n"
  }
}
