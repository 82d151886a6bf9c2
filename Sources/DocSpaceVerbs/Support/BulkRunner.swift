import DSHLanguage
import DocSpaceAPI
import Foundation
import Synchronization

/// A target of a verb that ends sessions: what the journal calls it before it is sent, and
/// how the result names it (always as the user gave it, never by position).
protocol BulkTarget: Sendable {
  var journalTarget: JournalTarget { get }
  var label: Value { get }
}

/// Passed to each attempt: it writes the request's intent to the journal just before sending.
final class SendHook: Sendable {
  private let journal: JournalWriter?
  private let label: String
  private let sent = Mutex<JournalTarget?>(nil)
  /// Whether an earlier attempt at this target was sent and got no answer (it may have
  /// taken effect, so a "not active" now may be this run's own doing).
  let earlierAttemptUnanswered: Bool

  init(journal: JournalWriter?, label: String, earlierAttemptUnanswered: Bool) {
    self.journal = journal
    self.label = label
    self.earlierAttemptUnanswered = earlierAttemptUnanswered
  }

  /// Call right before the mutating request for `target` goes out.
  func willSend(_ target: JournalTarget) {
    sent.withLock { $0 = target }
    journal?.intent(target, label: label)
  }

  var target: JournalTarget? { sent.withLock { $0 } }
}

/// What a bulk run came to: one result per target, in target order.
struct BulkReport: Sendable {
  var verb: String
  var results: [TargetResult]
  var interrupted: Bool

  var counts: [Outcome: Int] { results.reduce(into: [:]) { $0[$1.outcome, default: 0] += 1 } }

  /// `revoke: 3 closed, 1 not-active (4 targets)`, with ` — interrupted` when it was.
  var summary: String {
    let counts = self.counts
    let parts = Outcome.allCases.compactMap { outcome in counts[outcome].map { "\($0) \(outcome.rawValue)" } }
    let total = "\(results.count) target\(results.count == 1 ? "" : "s")"
    return "\(verb): \(parts.isEmpty ? "nothing to do" : parts.joined(separator: ", ")) (\(total))"
      + (interrupted ? " — interrupted" : "")
  }

  var value: Value { .list(results.map(\.value)) }

  /// The report as a verb's result: the list, or a failure that carries it.
  func finish() throws -> Value {
    if interrupted {
      let unsent = counts[.skipped, default: 0] + counts[.unknown, default: 0]
      throw CommandFailure(
        .interrupted, "interrupted: \(summary)",
        help: unsent > 0 ? "to finish: journal --unfinished | \(verb) --yes" : nil, partialResult: value)
    }
    if results.contains(where: { $0.outcome.isFailure }) {
      throw CommandFailure(.partial, "some targets failed: \(summary)", partialResult: value)
    }
    return value
  }
}

/// Runs one request per target, as many in flight as `ConcurrencyController` allows (the
/// `concurrency` setting: `auto`, or a fixed ceiling), and keeps every result: none lost,
/// none counted twice, none mislabelled, also when interrupted.
///
/// - The journal gets each intent before its request is sent and each outcome when it is known.
/// - On 429 or 503 the whole run backs off (fewer in flight, a pause of `Retry-After` when
///   that is not enough) and the target waits its turn.
/// - A request with no answer is sent again (at most `noAnswerAttempts` times): the verbs'
///   PUTs are idempotent, so a second one changes nothing the first did.
/// - The first interrupt stops starting requests and gives in-flight ones `grace` to finish;
///   the second (or the end of the grace) cancels them, and they count as `unknown`.
enum BulkRunner {
  static let grace: Duration = .seconds(2)
  static let noAnswerAttempts = 3
  /// How long a run may keep waiting out rate limits before a target counts as failed.
  static let rateLimitPatience: Duration = .seconds(600)

  enum Event: Sendable {
    /// A target's attempt ended: what came of it, what was sent, when it began and how long it took.
    case done(Int, Attempt, JournalTarget?, sentAt: ContinuousClock.Instant, latency: Duration)
    case stop(level: Int)
    case wake
  }

  static func run<Target: BulkTarget>(
    _ targets: [Target], invocation: Invocation, verb: String, portal: PortalConnection, client: DocSpaceClient,
    readsCallerAlongside: Bool = false,
    settle: (@Sendable ([TargetResult], [Int]) async -> [Int: TargetResult])? = nil,
    _ body: @escaping @Sendable (Target, SendHook) async -> Attempt
  ) async -> BulkReport {
    let journal = await portal.journalWriter(verb: verb)
    journal?.start(targets: targets.count)
    // Who runs it, when not known yet: read alongside the first requests rather than a round
    // trip before them, where the verb allows it (the run does not end this shell's connection).
    let naming = readsCallerAlongside ? Task { await nameCaller(journal, portal: portal, client: client) } : nil
    let (events, continuation) = AsyncStream<Event>.makeStream()
    let watch = portal.interruption.observe { count in continuation.yield(.stop(level: count)) }
    defer { portal.interruption.stopObserving(watch) }
    let concurrency = invocation.settings.concurrency
    let host = invocation.host
    // Unstructured on purpose: cancelling the verb must not cancel requests in flight at
    // once; the loop below stops them itself, after the grace period.
    let loop = Task {
      var state = RunState(count: targets.count, concurrency: concurrency)
      return await state.drive(
        targets, events: events, continuation: continuation, journal: journal, host: host, body: body)
    }
    var report = await withTaskCancellationHandler {
      await loop.value
    } onCancel: {
      continuation.yield(.stop(level: 1))
    }
    report.verb = verb
    // An interrupted run does not wait for the read either.
    if report.interrupted { naming?.cancel() }
    await naming?.value
    if let settle {
      let unknown = report.results.indices.filter { report.results[$0].outcome == .unknown }
      if !unknown.isEmpty && portal.interruption.count < 2 {
        for (index, settled) in await settle(report.results, unknown) {
          report.results[index] = settled
          journal?.outcome(targets[index].journalTarget, settled)
        }
      }
    }
    journal?.end(counts: report.counts, interrupted: report.interrupted)
    host.progress(done: targets.count, total: targets.count)
    return report
  }

  private static func nameCaller(_ journal: JournalWriter?, portal: PortalConnection, client: DocSpaceClient) async {
    await portal.learnCaller(client)
    if journal?.caller == nil, let email = await portal.me?.email { journal?.name(caller: email) }
  }
}

/// The loop's bookkeeping: what is queued, in flight, paused, and how each target ended.
private struct RunState {
  var results: [TargetResult?]
  var queue: [Int]
  var retry: [Int] = []
  var inFlight: [Int: Task<Void, Never>] = [:]
  var noAnswers: [Int]
  var controller: ConcurrencyController
  var stopLevel = 0
  var graceEnds: ContinuousClock.Instant?
  var cancelledInFlight = false
  var done = 0
  var closed = 0
  var failed = 0
  let started = ContinuousClock.now

  init(count: Int, concurrency: Settings.Concurrency) {
    results = Array(repeating: nil, count: count)
    queue = Array((0..<count).reversed())
    noAnswers = Array(repeating: 0, count: count)
    controller = ConcurrencyController(concurrency)
  }

  mutating func next() -> Int? { retry.popLast() ?? queue.popLast() }

  mutating func drive<Target: BulkTarget>(
    _ targets: [Target], events: AsyncStream<BulkRunner.Event>,
    continuation: AsyncStream<BulkRunner.Event>.Continuation, journal: JournalWriter?, host: any CommandHost,
    body: @escaping @Sendable (Target, SendHook) async -> Attempt
  ) async -> BulkReport {
    var iterator = events.makeAsyncIterator()
    let showProgress = targets.count >= 20
    while true {
      let now = ContinuousClock.now
      if !cancelledInFlight, stopLevel >= 2 || graceEnds.map({ now >= $0 }) == true {
        cancelledInFlight = true
        for task in inFlight.values { task.cancel() }
      }
      if stopLevel == 0 && now >= controller.resumeAt {
        while inFlight.count < controller.limit, let index = next() {
          let target = targets[index]
          let hook = SendHook(
            journal: journal, label: target.label.displayText, earlierAttemptUnanswered: noAnswers[index] > 0)
          // When it was launched, at the level then in force (the task may start a moment later).
          let sentAt = ContinuousClock.now
          inFlight[index] = Task {
            let attempt = await body(target, hook)
            continuation.yield(
              .done(index, attempt, hook.target, sentAt: sentAt, latency: ContinuousClock.now - sentAt))
          }
        }
      }
      if inFlight.isEmpty {
        if stopLevel > 0 || (queue.isEmpty && retry.isEmpty) { break }
        wake(continuation, at: controller.resumeAt)
      }
      if stopLevel == 1 && graceEnds == nil && !inFlight.isEmpty {
        graceEnds = now + BulkRunner.grace
        wake(continuation, at: now + BulkRunner.grace)
      }
      guard let event = await iterator.next() else { break }
      switch event {
      case .wake: continue
      case .stop(let level): stopLevel = max(stopLevel, level)
      case .done(let index, let attempt, let sent, let sentAt, let latency):
        inFlight[index] = nil
        if let result = record(
          index, attempt, label: targets[index].label, sentAt: sentAt, latency: latency, now: ContinuousClock.now)
        {
          results[index] = result
          journal?.outcome(sent ?? targets[index].journalTarget, result)
          done += 1
          if result.outcome == .closed { closed += 1 }
          if result.outcome.isFailure { failed += 1 }
        }
        if showProgress { host.progress(done: done, total: targets.count, note: progressNote()) }
      }
    }
    let finished = results.enumerated().map { index, result in
      result ?? skipped(targets[index], journal: journal)
    }
    return BulkReport(verb: "", results: finished, interrupted: stopLevel > 0)
  }

  /// The target's result, or nil when it goes back in the queue.
  private mutating func record(
    _ index: Int, _ attempt: Attempt, label: Value, sentAt: ContinuousClock.Instant, latency: Duration,
    now: ContinuousClock.Instant
  ) -> TargetResult? {
    switch attempt {
    case .finished(let outcome, let status, let error):
      controller.answered(sentAt: sentAt, latency: latency)
      return TargetResult(label: label, outcome: outcome, status: status, error: error)
    case .throttled(let status, let retryAfter):
      if now - started > BulkRunner.rateLimitPatience || stopLevel > 0 {
        return TargetResult(
          label: label, outcome: stopLevel > 0 ? .skipped : .failed, status: status,
          error: status == 429 ? "the portal kept rate-limiting requests" : "the portal stayed unavailable")
      }
      controller.throttled(sentAt: sentAt, now: now, retryAfter: retryAfter, othersInFlight: inFlight.count)
      retry.append(index)
      return nil
    case .noAnswer(let error):
      noAnswers[index] += 1
      if noAnswers[index] < BulkRunner.noAnswerAttempts && stopLevel == 0 {
        retry.append(index)
        return nil
      }
      return TargetResult(label: label, outcome: .unknown, status: nil, error: error)
    }
  }

  /// The progress line's note, such as `118 closed, 2 failed · rate-limited, waiting 1.2s`.
  private func progressNote() -> String {
    var note = "\(closed) closed" + (failed > 0 ? ", \(failed) failed" : "")
    let wait = controller.resumeAt - ContinuousClock.now
    if wait > .zero {
      let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
      note += " · rate-limited, waiting \(String(format: "%.1f", seconds))s"
    }
    return note
  }

  private func skipped<Target: BulkTarget>(_ target: Target, journal: JournalWriter?) -> TargetResult {
    let result = TargetResult(
      label: target.label, outcome: .skipped, status: nil, error: "interrupted before it was sent")
    journal?.outcome(target.journalTarget, result)
    return result
  }

  private func wake(_ continuation: AsyncStream<BulkRunner.Event>.Continuation, at instant: ContinuousClock.Instant) {
    Task {
      try? await Task.sleep(until: instant, clock: .continuous)
      continuation.yield(.wake)
    }
  }
}
