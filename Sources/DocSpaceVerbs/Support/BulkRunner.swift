import DSHLanguage

/// Runs one call per target, at most `concurrency` at a time, and keeps every result in
/// target order: none lost, none counted twice, also when interrupted.
enum BulkRunner {
  static func run<Target: Sendable>(
    _ targets: [Target], invocation: Invocation, verb: String, portal: PortalConnection,
    _ body: @escaping @Sendable (Target) async -> Value
  ) async throws -> Value {
    var results = [Value?](repeating: nil, count: targets.count)
    let limit = max(1, invocation.settings.concurrency)
    let showProgress = targets.count >= 20
    await withTaskGroup(of: (Int, Value).self) { group in
      var next = 0
      var done = 0
      while next < min(limit, targets.count) {
        let index = next
        group.addTask { (index, await body(targets[index])) }
        next += 1
      }
      while let (index, result) = await group.next() {
        results[index] = result
        done += 1
        if showProgress { invocation.host.progress(done: done, total: targets.count) }
        if next < targets.count, !Task.isCancelled {
          let index = next
          group.addTask { (index, await body(targets[index])) }
          next += 1
        }
      }
    }
    let finished = results.enumerated().map { index, result in
      result
        ?? Records.result(
          target: .int(index), outcome: "cancelled", status: nil, error: "interrupted before it was sent")
    }
    let outcomes = finished.compactMap { $0.asRecord?["outcome"]?.asString }
    let summary = summarize(outcomes, verb: verb)
    invocation.host.inform(summary)
    await portal.journal(verb: verb, results: .list(finished))
    if Task.isCancelled {
      throw CommandFailure(.interrupted, "interrupted: \(summary)", partialResult: .list(finished))
    }
    if outcomes.contains("failed") || outcomes.contains("forbidden") || outcomes.contains("cancelled") {
      throw CommandFailure(.partial, "some targets failed: \(summary)", partialResult: .list(finished))
    }
    return .list(finished)
  }

  /// `revoke: 3 closed, 1 not-active, 1 failed (5 targets)`.
  static func summarize(_ outcomes: [String], verb: String) -> String {
    var counts: [(String, Int)] = []
    for outcome in outcomes {
      if let index = counts.firstIndex(where: { $0.0 == outcome }) {
        counts[index].1 += 1
      } else {
        counts.append((outcome, 1))
      }
    }
    let parts = counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    return
      "\(verb): \(parts.isEmpty ? "nothing to do" : parts) (\(outcomes.count) target\(outcomes.count == 1 ? "" : "s"))"
  }
}
