import DSHLanguage
import Testing

@testable import DocSpaceVerbs

/// The bulk runner's control law, fed answers by hand: where the level goes, round by round.
@Suite struct ConcurrencyControllerTests {
  let start = ContinuousClock.now

  /// A full round of answers, each sent at `start` and taking `milliseconds`.
  func round(_ controller: inout ConcurrencyController, milliseconds: Int) {
    for _ in 0..<controller.limit { controller.answered(sentAt: start, latency: .milliseconds(milliseconds)) }
  }

  /// The level after each of `rounds` rounds at the latencies `latency(round)` gives.
  func trajectory(
    _ controller: inout ConcurrencyController, rounds: Int, latency: (Int) -> Int = { _ in 20 }
  ) -> [Int] {
    (0..<rounds).map { index in
      round(&controller, milliseconds: latency(index))
      return controller.limit
    }
  }

  @Test func autoStartsAtSixteenAndDoublesWhileLatencyHoldsUpToSixtyFour() {
    var controller = ConcurrencyController(.auto, now: start)
    #expect(controller.limit == 16)
    #expect(trajectory(&controller, rounds: 4) == [32, 64, 64, 64])
  }

  @Test func itStopsGrowingWhenLatencyClimbs() {
    var controller = ConcurrencyController(.auto, now: start)
    // 20 ms at 16 in flight; from 32 on each answer takes 40 ms: requests are queueing.
    let levels = trajectory(&controller, rounds: 6) { $0 < 1 ? 20 : 40 }
    #expect(levels == [32, 32, 32, 32, 32, 32])
  }

  @Test func latencyWithinOneAndAHalfTimesTheBestStillCountsAsHolding() {
    var controller = ConcurrencyController(.auto, now: start)
    #expect(trajectory(&controller, rounds: 2) { $0 == 0 ? 20 : 29 } == [32, 64])
  }

  @Test(arguments: [429, 503])
  func aThrottledAnswerHalvesTheLevelAndGrowingStopsJustBelowIt(_ status: Int) {
    var controller = ConcurrencyController(.auto, now: start)
    _ = trajectory(&controller, rounds: 1)
    #expect(controller.limit == 32)
    let now = start + .milliseconds(100)
    controller.throttled(sentAt: start, now: now, retryAfter: 1, othersInFlight: 31)
    #expect(controller.limit == 16)
    #expect(controller.learned == 31)
    #expect(controller.resumeAt <= now, "the first 429 lowers the level without a pause")
    // Growing again: doubling, up to the learned level in a round, not past it.
    var levels: [Int] = []
    for _ in 0..<4 {
      for _ in 0..<controller.limit { controller.answered(sentAt: now, latency: .milliseconds(20)) }
      levels.append(controller.limit)
    }
    #expect(levels == [31, 31, 31, 31])
  }

  @Test func afterLatencyClimbedGrowingBackAfterAThrottledAnswerIsOneMoreARound() {
    var controller = ConcurrencyController(.auto, now: start)
    #expect(trajectory(&controller, rounds: 3) { $0 < 1 ? 20 : 40 } == [32, 32, 32])
    let now = start + .milliseconds(100)
    controller.throttled(sentAt: start, now: now, retryAfter: 1, othersInFlight: 31)
    #expect(controller.limit == 16)
    var levels: [Int] = []
    for _ in 0..<3 {
      for _ in 0..<controller.limit { controller.answered(sentAt: now, latency: .milliseconds(20)) }
      levels.append(controller.limit)
    }
    #expect(levels == [17, 18, 19])
  }

  @Test func answersToRequestsSentBeforeTheHalvingChangeNothing() {
    var controller = ConcurrencyController(.fixed(32), now: start)
    let now = start + .milliseconds(50)
    controller.throttled(sentAt: start, now: now, retryAfter: 1, othersInFlight: 31)
    for others in (0..<20).reversed() {
      controller.throttled(sentAt: start, now: now + .milliseconds(1), retryAfter: 1, othersInFlight: others)
    }
    #expect(controller.limit == 16)
    #expect(controller.resumeAt <= now)
  }

  @Test func aThrottledAnswerAloneAfterAHalvingThatDidNotHelpPausesForRetryAfter() {
    var controller = ConcurrencyController(.auto, now: start)
    let first = start + .milliseconds(10)
    controller.throttled(sentAt: start, now: first, retryAfter: 2, othersInFlight: 5)
    #expect(controller.limit == 8)
    let second = first + .milliseconds(10)
    controller.throttled(sentAt: first, now: second, retryAfter: 2, othersInFlight: 0)
    #expect(controller.resumeAt >= second + .seconds(2))
    #expect(controller.resumeAt <= second + .seconds(3))
    // A budget ran out, not room for requests in flight: after the pause, half the level before.
    #expect(controller.limit == 8)
    #expect(controller.learned == 64)
  }

  @Test func aThrottledAnswerWhileOthersAreOutHalvesAgainWithoutAPause() {
    var controller = ConcurrencyController(.auto, now: start)
    let first = start + .milliseconds(10)
    controller.throttled(sentAt: start, now: first, retryAfter: 2, othersInFlight: 5)
    let second = first + .milliseconds(10)
    controller.throttled(sentAt: first, now: second, retryAfter: 2, othersInFlight: 3)
    #expect(controller.limit == 4)
    #expect(controller.learned == 7)
    #expect(controller.resumeAt <= second)
  }

  @Test func aSuccessAfterTheHalvingMakesTheNextThrottledAnswerHalveWithoutAPause() {
    var controller = ConcurrencyController(.auto, now: start)
    let first = start + .milliseconds(10)
    controller.throttled(sentAt: start, now: first, retryAfter: 2, othersInFlight: 5)
    controller.answered(sentAt: first, latency: .milliseconds(20))
    let second = first + .milliseconds(30)
    controller.throttled(sentAt: first + .milliseconds(5), now: second, retryAfter: 2, othersInFlight: 0)
    #expect(controller.limit == 4)
    #expect(controller.resumeAt <= second)
  }

  @Test func aFixedNumberIsTheStartAndTheCeiling() {
    var controller = ConcurrencyController(.fixed(12), now: start)
    #expect(controller.limit == 12)
    #expect(trajectory(&controller, rounds: 40).allSatisfy { $0 == 12 })
  }

  @Test func aFixedNumberStillBacksOffAndComesBackNoHigherThanItself() {
    var controller = ConcurrencyController(.fixed(12), now: start)
    controller.throttled(sentAt: start, now: start + .milliseconds(1), retryAfter: nil, othersInFlight: 11)
    #expect(controller.limit == 6)
    let later = start + .milliseconds(2)
    var highest = 0
    for _ in 0..<(ConcurrencyController.probeRounds * 3) {
      for _ in 0..<controller.limit { controller.answered(sentAt: later, latency: .milliseconds(20)) }
      highest = max(highest, controller.limit)
    }
    #expect(highest == 12)
  }

  @Test func aLongCalmRunAtTheLearnedLevelTriesOneMore() {
    var controller = ConcurrencyController(.auto, now: start)
    controller.throttled(sentAt: start, now: start + .milliseconds(1), retryAfter: nil, othersInFlight: 15)
    #expect(controller.learned == 15)
    let later = start + .milliseconds(2)
    for _ in 0..<(ConcurrencyController.probeRounds + 4) {
      for _ in 0..<controller.limit { controller.answered(sentAt: later, latency: .milliseconds(20)) }
    }
    #expect(controller.learned == 16)
    #expect(controller.limit == 16)
  }
}

extension ConcurrencyControllerTests {
  /// Throttled at the start of 16, calm at 15 long enough to try 16, then at 16 for a round's growth.
  func probing() -> ConcurrencyController {
    var controller = ConcurrencyController(.auto, now: start)
    controller.throttled(sentAt: start, now: start + .milliseconds(1), retryAfter: nil, othersInFlight: 15)
    let later = start + .milliseconds(2)
    while controller.learned == 15 {
      for _ in 0..<controller.limit { controller.answered(sentAt: later, latency: .milliseconds(20)) }
    }
    for _ in 0..<controller.limit { controller.answered(sentAt: later, latency: .milliseconds(20)) }
    return controller
  }

  @Test func aThrottledProbeGoesBackToTheLevelThatHeldInsteadOfHalving() {
    var controller = probing()
    #expect(controller.limit == 16)
    controller.throttled(
      sentAt: start + .milliseconds(3), now: start + .milliseconds(4), retryAfter: nil, othersInFlight: 15)
    #expect(controller.limit == 15)
    #expect(controller.learned == 15)
  }

  @Test func aThrottledAnswerAfterAProbeHeldARoundHalvesAgain() {
    var controller = probing()
    let later = start + .milliseconds(3)
    for _ in 0..<controller.limit { controller.answered(sentAt: later, latency: .milliseconds(20)) }
    controller.throttled(sentAt: later, now: start + .milliseconds(4), retryAfter: nil, othersInFlight: 15)
    #expect(controller.limit == 8)
    #expect(controller.learned == 15)
  }
}
