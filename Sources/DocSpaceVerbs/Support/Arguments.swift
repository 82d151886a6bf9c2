import DSHLanguage
import Foundation

extension DocSpaceVerbs {
  static func date(_ invocation: Invocation, _ flag: String) throws -> Date? {
    switch invocation.flags[flag] {
    case nil: return nil
    case .date(let date)?: return date
    case .string(let text)?:
      guard let date = DateText.parse(text) else {
        throw CommandFailure(.usage, "--\(flag) needs a date like 2026-07-10 or now - 7d", argument: .flag(flag))
      }
      return date
    default:
      throw CommandFailure(.usage, "--\(flag) needs a date like 2026-07-10 or now - 7d", argument: .flag(flag))
    }
  }
}
