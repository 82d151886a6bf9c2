import Foundation

extension DataCommands {
  static let lines = CommandSpec(
    name: "lines", summary: "Split text into its lines (\\n or \\r\\n); no empty item after a final line break",
    category: .data, output: .fixed(.list(.scalar("string"))),
    examples: [
      Example(
        "\"a\\r\\nb\\n\" | lines | to json --compact", "CRLF or LF, trailing break dropped", .output("[\"a\",\"b\"]\n"))
    ],
    seeAlso: ["split", "join", "open"]
  ) { invocation in
    guard case .string(let text) = invocation.input else {
      throw CommandFailure(.input, "'\(invocation.name)' needs a string as input, got \(invocation.input.typeName)")
    }
    return .list(Self.splitLines(text).map(Value.string))
  }

  /// The lines of `text`: `\n` ends a line, a `\r` before it is dropped; a final break adds no empty line.
  static func splitLines(_ text: String) -> [String] {
    var parts = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { line in
      String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
    }
    if text.utf8.last == 10 || text.isEmpty { parts.removeLast() }
    return parts
  }
}
