import DSHLanguage
import Foundation
import Testing

/// `format date`, `set timezone` and how dates are shown.
@Suite struct DateCommandTests {
  static let instant = "(\"2026-07-10T23:04:05Z\" | into date)"

  @Test func formatDateWithEveryDirective() async {
    let pattern = "%Y %y %m %d %e %H %I %p %M %S %j %a %A %b %B %u %z %Z %s %F %T %%"
    #expect(
      await evaluate("\(Self.instant) | format date \"\(pattern)\"").output
        == "2026 26 07 10 10 23 11 PM 04 05 191 Fri Friday Jul July 5 +0000 UTC 1783724645 2026-07-10 23:04:05 %\n")
  }

  @Test func formatDateUsesTheTimezoneSetting() async {
    let code = "set timezone \"+02:00\"; \(Self.instant) | format date \"%F %H:%M %z %Z\""
    #expect(await evaluate(code).output == "2026-07-11 01:04 +0200 +02:00\n")
  }

  @Test func aNegativeOffsetMovesTheDayBack() async {
    let code = "set timezone \"-05:30\"; \"2026-01-01T02:00:00Z\" | format date \"%F %H:%M %z\""
    #expect(await evaluate(code).output == "2025-12-31 20:30 -0530\n")
  }

  @Test func formatDateOnAListFormatsEach() async {
    let code = "print ([\"2026-01-02\", \"2026-03-04\"] | into date | format date \"%d/%m\" | to json --compact)"
    #expect(await evaluate(code).output == "[\"02/01\",\"04/03\"]\n")
  }

  @Test func anUnknownDirectiveIsAUsageError() async {
    let result = await evaluate("now | format date \"%Y %Q\"")
    #expect(result.runtimeError?.message.contains("unknown directive %Q") == true)
  }

  @Test func aTrailingPercentIsAnError() async {
    #expect(await evaluate("now | format date \"%Y %\"").runtimeError?.message.contains("directive %") == true)
  }

  @Test func formatDateOfANumberIsAnInputError() async {
    #expect(await evaluate("5 | format date \"%Y\"").runtimeError?.message.contains("needs a date, got int") == true)
  }

  @Test func printShowsDatesInTheChosenZone() async {
    #expect(await evaluate("set timezone \"+05:45\"; print \(Self.instant)").output == "2026-07-11T04:49:05+05:45\n")
  }

  @Test func jsonStaysUTCWhateverTheZone() async {
    let code = "set timezone \"+02:00\"; print (\(Self.instant) | to json --compact)"
    #expect(await evaluate(code).output == "\"2026-07-10T23:04:05Z\"\n")
  }

  @Test func utcIsTheDefault() async {
    #expect(await evaluate("print \(Self.instant)").output == "2026-07-10T23:04:05Z\n")
  }

  @Test func setShowsTheTimezone() async {
    #expect(await evaluate("set timezone local; print (set | get timezone)").output == "local\n")
  }

  @Test func aBadTimezoneIsRefusedWithTheAllowedValues() async {
    let result = await evaluate("set timezone \"+25:00\"")
    guard case .invalidArgument(_, let problem, _)? = result.runtimeError else {
      Issue.record("expected a failure")
      return
    }
    #expect(problem.help?.contains("±HH:MM") == true)
  }

  @Test(arguments: ["utc", "UTC", "local", "+02:00", "-0530", "+03", "+00:00"])
  func zoneSpellingsAreRead(_ text: String) {
    #expect(DisplayZone(text) != nil)
  }

  @Test(arguments: ["+2", "+02:0", "+0:200", "02:00", "+19:00", "+02:60", "Europe/Paris"])
  func otherSpellingsAreNot(_ text: String) {
    #expect(DisplayZone(text) == nil)
  }

  @Test func theLocalZoneFollowsTheMachine() {
    let date = Date(timeIntervalSince1970: 1_783_724_645)
    #expect(DisplayZone.local.secondsFromUTC(at: date) == TimeZone.current.secondsFromGMT(for: date))
  }
}

/// `sleep`: waits, is bounded, and stops when the task is cancelled (Ctrl-C).
@Suite struct SleepTests {
  @Test func sleepPassesItsInputThrough() async {
    #expect(await evaluate("print (5 | sleep 1ms)").output == "5\n")
  }

  @Test func sleepAcceptsADurationString() async {
    #expect(await evaluate("sleep \"1ms\"; print \"ok\"").output == "ok\n")
  }

  @Test func moreThanADayIsRefused() async {
    #expect(await evaluate("sleep 25h").runtimeError?.message.contains("at most 24h") == true)
  }

  @Test func aNegativeDurationIsRefused() async {
    #expect(await evaluate("sleep (0s - 1s)").runtimeError?.message.contains("DURATION must be") == true)
  }

  @Test func aNumberIsNotADuration() async {
    #expect(await evaluate("sleep 5").runtimeError?.message.contains("not int 5") == true)
  }

  @Test(.timeLimit(.minutes(1)))
  func cancellingTheTaskInterruptsTheSleep() async throws {
    let host = TestHost()
    let interpreter = Interpreter(registry: CommandRegistry(DataCommands.all), host: host)
    guard
      case .success(let program) = await interpreter.parse(Source(name: "t.dsh", text: "print \"start\"; sleep 20h"))
    else {
      Issue.record("did not parse")
      return
    }
    let run = Task { () -> RuntimeError? in
      do throws(RuntimeFailure) {
        _ = try await interpreter.run(program)
        return nil
      } catch {
        return error.error
      }
    }
    for _ in 0..<500 where host.output.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
    #expect(host.output == "start\n")
    run.cancel()
    guard case .interrupted? = await run.value else {
      Issue.record("expected an interruption")
      return
    }
  }
}
