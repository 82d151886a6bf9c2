import DSHLanguage
import DocSpaceAPI

extension DocSpaceVerbs {
  /// When a journaled verb reads `@self`: the journal names the caller, and the shell may
  /// not know who that is yet.
  static let journalNamesTheCaller = "only when who is signed in is not known yet: the journal names the caller"
}

extension PortalConnection {
  /// One request that ends several sessions at once (`logoutallexceptthis`,
  /// `logoutallchangepassword`), journaled like a bulk run: an intent for each session it
  /// will end before it is sent, then their common outcome.
  func journaled<Result>(
    verb: String, sessions: [Int], client: DocSpaceClient, _ call: () async throws(APIError) -> Result
  ) async throws -> Result {
    // Read before the call, not alongside: the call ends this shell's connection too, and a
    // read alongside could meet the ended token.
    await learnCaller(client)
    let journal = journalWriter(verb: verb)
    journal?.start(targets: sessions.count)
    for id in sessions { journal?.intent(.connection(id), label: String(id)) }
    let answer: Swift.Result<Result, APIError>
    do throws(APIError) {
      answer = .success(try await call())
    } catch {
      answer = .failure(error)
    }
    let result: TargetResult
    switch answer {
    case .success: result = TargetResult(label: .null, outcome: .closed, status: 200, error: nil)
    case .failure(let error):
      result = TargetResult(
        label: .null, outcome: error.answerIsUnknown ? .unknown : .failed, status: error.status, error: error.message)
    }
    var counts: [Outcome: Int] = [:]
    for id in sessions {
      var each = result
      each.label = .int(id)
      journal?.outcome(.connection(id), each)
      counts[each.outcome, default: 0] += 1
    }
    var interrupted = false
    if case .failure(.cancelled) = answer { interrupted = true }
    journal?.end(counts: counts, interrupted: interrupted)
    return try answer.mapError { CommandFailure($0) }.get()
  }
}
