import DSHLanguage
import Foundation
import Testing

/// Thousands of random and mutated programs through lexer, parser and evaluator: none may crash or
/// hang.
///
/// A fixed seed keeps failures reproducible.
@Suite struct FuzzTests {
  static let corpus = [
    "$s = [1, 2, 3] | where $it > 1 | count", "if $x { print 1 } else if 2 { print 2 } else { print 3 }",
    "for $x in [1, 2] { if $x == 2 { break } }", "def f [a, b] { return $a + $b }; f 1 2",
    "try { [1][3] } catch { print $error.message }", "{a: 1, b: [2, 3]} | to json", "print \"x ${1 + 2} $y\"",
    "[{n: 1}, {n: 2}] | sort n --desc | first", "'[1,2]' | from json | each { $it * 2 }", "print (now - 7d < now)",
    "$r = {a: {b: [1, 2]}}; $r.a.b[-1]", "[1, 2, 1] | uniq | group $it", "print 10 / 4 % 3 - -2",
  ]
  static let alphabet = Array("$()[]{}|;:,.=<>!~+-*/%\"'\\#\n abcdefgh019_@".utf8)

  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
  }

  static func mutate(_ text: String, using random: inout Generator) -> String {
    var bytes = Array(text.utf8)
    for _ in 0..<Int.random(in: 1...6, using: &random) {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0 where !bytes.isEmpty: bytes.remove(at: position)
      case 1: bytes.insert(alphabet[Int.random(in: alphabet.indices, using: &random)], at: position)
      case 2 where !bytes.isEmpty: bytes[position] = alphabet[Int.random(in: alphabet.indices, using: &random)]
      default:
        let start = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + 8)], at: position)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func mutatedProgramsNeverCrashOrHang() async {
    var random = Generator(state: 20_261_123)
    var ran = 0
    for _ in 0..<3000 {
      let program = Self.mutate(Self.corpus.randomElement(using: &random)!, using: &random)
      let result = await evaluate(program)
      if result.syntaxErrors.isEmpty { ran += 1 }
    }
    #expect(ran > 100, "too few mutants parsed to exercise the evaluator")
  }

  @Test func randomBytesNeverCrashTheParser() {
    var random = Generator(state: 7)
    for _ in 0..<3000 {
      let length = Int.random(in: 0..<80, using: &random)
      let bytes = (0..<length).map { _ in Self.alphabet.randomElement(using: &random)! }
      _ = parse(String(decoding: bytes, as: UTF8.self))
    }
  }
}
