extension DataCommands {
  /// The longest `sleep`: a day.
  static let maximumSleep: Double = 86_400

  static let sleep = CommandSpec(
    name: "sleep", summary: "Wait for a while (at most 24h); Ctrl-C stops the wait",
    discussion: "Passes its input through, so it can sit in a pipeline. A string such as \"5m\" is read as a duration.",
    category: .data,
    signature: Signature([Parameter("DURATION", help: "how long: 500ms, 30s, 5m, 1h")]),
    output: .sameAsInput,
    examples: [
      Example("sleep 10ms; print \"done\"", "a short wait", .output("done\n")),
      Example("sleep 2d", "more than a day is refused", .error("E205")),
    ],
    seeAlso: ["each"]
  ) { invocation in
    let value = invocation.positional(0) ?? .null
    let seconds: Double?
    switch value {
    case .duration(let given): seconds = given
    case .string(let text): seconds = Conversion.parseDuration(text)
    default: seconds = nil
    }
    guard let seconds, seconds >= 0 else {
      throw CommandFailure(
        .usage, "DURATION must be a duration such as 30s or 5m, not \(value.typeName) \(value.sourceText)",
        argument: .positional(0))
    }
    guard seconds <= maximumSleep else {
      throw CommandFailure(
        .usage, "sleep waits at most 24h, not \(value.displayText)", help: "loop over shorter waits",
        argument: .positional(0))
    }
    try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
    return invocation.input
  }
}
