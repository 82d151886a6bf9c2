import Testing

@testable import DSHLanguage

/// The parser notes, as it reads, what the checker needs before its walk.
@Suite struct OutlineTests {
  func outline(_ text: String) throws -> Outline { try parse(text).get().outline }

  @Test func variablesAssignedOutsideDefsAreGlobals() throws {
    let outline = try outline("$a = 1\nif true { $b = 2 }\nfor $c in [1] { }\ntry { } catch { }")
    #expect(outline.globals == ["a", "b", "c", "error"])
  }

  @Test func variablesAssignedInsideADefAreNotGlobals() throws {
    let outline = try outline("def f [] { $local = 1; for $i in [1] { }; try { } catch { } }")
    #expect(outline.globals.isEmpty)
  }

  @Test func topLevelDefsAndLiteralSourcesAreDeclaredInSourceOrder() throws {
    let outline = try outline("source \"a.dsh\"\ndef f [x] { source \"b.dsh\" }\nif true { source \"c.dsh\" }")
    let described = outline.declarations.map { declaration in
      switch declaration {
      case .def(let name, let parameters): "def \(name) \(parameters.map(\.name))"
      case .source(let path, _, let insideDef, let topLevel): "source \(path) \(insideDef) \(topLevel)"
      }
    }
    #expect(
      described == [
        "source a.dsh false true", "def f [\"x\"]", "source b.dsh true false", "source c.dsh false false",
      ])
  }

  @Test func aNestedDefHasASignatureButIsNotDeclared() throws {
    let outline = try outline("if true { def g [--days] { } }")
    #expect(outline.signatures["g"]?.flag(named: "days") != nil)
    #expect(outline.declarations.isEmpty)
  }

  @Test func aComputedSourcePathIsNotedAndNotDeclared() throws {
    let outline = try outline("$p = \"a.dsh\"\nsource $p")
    #expect(outline.hasComputedSource)
    #expect(outline.declarations.isEmpty)
  }

  @Test func aLiteralSourcePathIsNotComputed() throws {
    #expect(try !outline("source \"a.dsh\"").hasComputedSource)
  }

  @Test func statementsInABlockArgumentAreLeftOut() throws {
    let outline = try outline("[1] | each { $inner = 1; source $it }")
    #expect(outline.globals.isEmpty)
    #expect(!outline.hasComputedSource)
  }
}
