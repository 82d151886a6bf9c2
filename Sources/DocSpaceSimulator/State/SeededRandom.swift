/// SplitMix64: the same seed gives the same fixture on every machine.
struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func guid() -> String {
    let hex = (0..<32).map { _ in String(Int.random(in: 0..<16, using: &self), radix: 16) }.joined()
    let characters = Array(hex)
    func part(_ from: Int, _ length: Int) -> String { String(characters[from..<(from + length)]) }
    return "\(part(0, 8))-\(part(8, 4))-4\(part(13, 3))-a\(part(17, 3))-\(part(20, 12))"
  }

  mutating func token() -> String {
    (0..<48).map { _ in String(Int.random(in: 0..<16, using: &self), radix: 16) }.joined()
  }
}
