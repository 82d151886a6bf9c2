/// `explain PIPELINE`: what each stage would do — which API calls it makes, in order, and
/// which work happens locally — without running anything.
public enum Explanation {
  static func text(of pipeline: Pipeline, registry: CommandRegistry, source: Source) -> Value {
    let stages = pipeline.stages.map { source.slice($0.range) }
    let width = min(40, stages.map(\.count).max() ?? 0)
    var lines: [String] = []
    for (index, stage) in pipeline.stages.enumerated() {
      let label =
        "\(index + 1). " + stages[index].padding(toLength: max(width, stages[index].count), withPad: " ", startingAt: 0)
      lines.append(label + "  → " + describe(stage, registry: registry))
    }
    lines.append(
      "explain runs nothing; a dry run (--dry-run or set dry-run on) sends the reads and lists the changes it holds back."
    )
    return .string(lines.joined(separator: "\n") + "\n")
  }

  static func describe(_ stage: Stage, registry: CommandRegistry) -> String {
    guard case .command(let call) = stage else { return "local: a value computed in dsh" }
    guard let spec = registry[call.name] else { return "unknown command '\(call.name)'" }
    // `api` declares no route of its own: it sends the one it is given.
    if spec.name == "api" {
      return "the call given: its METHOD and PATH, as written  (a GET reads; any other method changes)"
    }
    guard !spec.calls.isEmpty else { return "local: \(spec.summary.lowercased())" }
    let calls = spec.calls.map { call in call.line + (call.when.map { " (\($0))" } ?? "") }.joined(separator: ", then ")
    if spec.calls.contains(where: \.isMutating) {
      return "\(calls)  (changes the portal; needs \(spec.role ?? "a signed-in user"))"
    }
    return "\(calls)  (reads; needs \(spec.role ?? "a signed-in user"))"
  }

  /// `help explain`: the statement's own entry in the command table, so help can show it.
  public static let spec = CommandSpec(
    name: "explain", summary: "Show the API calls a pipeline would make, in order, without running it",
    discussion: """
      explain PIPELINE names, for each stage, the calls it makes (method, path, and when a call \
      is conditional: once per target, only to name a person…) or that it works locally. \
      Nothing is sent. help VERB shows each call's query, body and response fields; a dry run \
      (--dry-run, or set dry-run on) sends the reads and lists the changes as requests, which \
      curl prints.
      """,
    category: .shell,
    signature: Signature([Parameter("PIPELINE", help: "the pipeline to explain, as you would run it")]),
    output: .fixed(.scalar("string")),
    examples: [Example("explain sessions | where not current | revoke", "what a bulk revoke would call")],
    seeAlso: ["help", "curl", "set"]
  ) { _ in
    throw CommandFailure(
      .usage, "explain starts a statement: explain PIPELINE", help: "e.g. explain sessions | revoke --dry-run")
  }
}
