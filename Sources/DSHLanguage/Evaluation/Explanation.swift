/// `explain PIPELINE`: what each stage would do — which HTTP calls it makes and which
/// work happens locally — without running anything.
enum Explanation {
  static func text(of pipeline: Pipeline, registry: CommandRegistry, source: Source) -> Value {
    let stages = pipeline.stages.map { source.slice($0.range) }
    let width = min(40, stages.map(\.count).max() ?? 0)
    var lines: [String] = []
    for (index, stage) in pipeline.stages.enumerated() {
      let label =
        "\(index + 1). " + stages[index].padding(toLength: max(width, stages[index].count), withPad: " ", startingAt: 0)
      lines.append(label + "  → " + describe(stage, registry: registry))
    }
    lines.append("explain runs nothing; dry-run (--dry-run or set dry-run on) shows the exact requests.")
    return .string(lines.joined(separator: "\n") + "\n")
  }

  static func describe(_ stage: Stage, registry: CommandRegistry) -> String {
    guard case .command(let call) = stage else { return "local: a value computed in dsh" }
    guard let spec = registry[call.name] else { return "unknown command '\(call.name)'" }
    guard !spec.http.isEmpty else { return "local: \(spec.summary.lowercased())" }
    let calls = spec.http.map { "\($0.method) \($0.path)" }.joined(separator: ", ")
    if spec.http.contains(where: \.mutating) {
      return "\(calls)  (changes the portal, one call per target; needs \(spec.role ?? "a signed-in user"))"
    }
    return "\(calls)  (reads; needs \(spec.role ?? "a signed-in user"))"
  }
}
