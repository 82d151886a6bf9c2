/// What the passes after parsing need to know before they walk a program, noted by the parser as
/// it reads the statements: each would otherwise walk the whole tree once more.
///
/// Statements inside a command's block argument (`each { … }`) are left out, as they are not
/// statements of the program's own blocks.
struct Outline: Sendable {
  /// A top-level def or a `source` of a literal path, in the order the source has them.
  enum Declaration: Sendable {
    case def(name: String, parameters: [FunctionParameter])
    /// `insideDef`: within a def's body; `topLevel`: outside every block.
    case source(path: String, range: SourceRange, insideDef: Bool, topLevel: Bool)
  }

  /// The signature of every def, nested ones too; a later def of a name wins.
  var signatures: [String: Signature] = [:]
  /// The variables assigned outside every def: `$x = …`, `for $x in …`, and `$error` of a try.
  var globals: Set<String> = []
  var declarations: [Declaration] = []
  /// Whether some `source` takes a computed path, which only running the program can resolve.
  var hasComputedSource = false
}
