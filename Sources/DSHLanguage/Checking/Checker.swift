import Foundation

/// Finds, without running, everything a program would refuse to start on: unknown
/// commands, flags, variables and fields; wrong arity; values a command does not accept;
/// `return`/`break` outside their blocks; calls that end many sessions without saying so
/// in a script; and the same in every file it sources by a literal path.
public enum ProgramChecker {
  /// Everything `program` would refuse to start on, given what `context` says exists.
  public static func check(_ program: Program, in context: CheckContext) -> CheckFindings {
    var walker = Walker(context: context, source: program.source)
    walker.defineFunctions(program.outline, of: program.source)
    // Every global lands in the outermost scope: growing it one insertion at a time rehashes
    // it again and again in a long script.
    walker.scopes[0].reserveCapacity(walker.scopes[0].count + walker.globals.count)
    walker.suppressUnknownCommands = program.outline.hasComputedSource
    walker.sourceStack = [Walker.identity(program.source.name)]
    walker.statements(program.statements)
    return walker.findings
  }
}

extension ProgramChecker {
  /// One pass over a program's tree, collecting findings.
  struct Walker {
    /// Deeper than this the walk stops: the parser refuses such trees, and the walk recurses.
    static let maximumDepth = Parser.maximumDepth * 2
    /// The operators written as symbols: a lone `+` between arguments is a word, not one.
    static let operators = Set(BinaryOperator.allCases.map(\.rawValue).filter { $0.allSatisfy { !$0.isLetter } })

    let context: CheckContext
    var source: Source
    var functions: [String: [FunctionParameter]]
    /// Innermost last; each maps a variable to what is known of its shape.
    var scopes: [[String: Schema]]
    var findings = CheckFindings()
    var depth = 0
    var loops = 0
    var defs = 0
    /// As `set` statements met so far leave them (`set confirm off` before a bulk verb).
    var settings: Settings
    var explaining = false
    var suppressUnknownCommands = false
    var warnedComputedSource = false
    /// The files being walked, outermost first, as `identity` names them.
    var sourceStack: [String] = []
    /// Variables assigned anywhere outside a def: a def's body may read them, since it
    /// may be called after they are set (`def main` always is).
    var globals: Set<String> = []
    /// Files sourced by a literal path, read and parsed once.
    var sourced: [String: Result<Program, RuntimeError>] = [:]

    init(context: CheckContext, source: Source) {
      self.context = context
      self.source = source
      self.functions = context.functions
      self.scopes = [CheckContext.builtinVariables.merging(context.variables) { $1 }]
      self.settings = context.settings
    }

    mutating func report(_ error: RuntimeError) {
      findings.errors.append(RuntimeFailure(error: error, source: source))
    }

    // MARK: Definitions, found before the walk so that calls may precede them

    /// A file's top-level defs exist before its first statement runs (the interpreter
    /// hoists them too); a def inside a block exists once the walk reaches it.
    mutating func defineFunctions(
      _ outline: Outline, of file: Source, inDef: Bool = false, topLevel: Bool = true
    ) {
      if !inDef { globals = globals.isEmpty ? outline.globals : globals.union(outline.globals) }
      for declaration in outline.declarations {
        switch declaration {
        case .def(let name, let parameters):
          if topLevel { functions[name] = parameters }
        case .source(let text, let range, let insideDef, let atTop):
          guard sourced.count < Interpreter.maximumCallDepth else { continue }
          let resolved = ScriptFile.resolve(text, from: file.name)
          guard sourced[resolved] == nil else { continue }
          let program = load(text, resolved: resolved, range: range)
          sourced[resolved] = program
          if case .success(let program) = program {
            defineFunctions(
              program.outline, of: program.source, inDef: inDef || insideDef, topLevel: topLevel && atTop)
          }
        }
      }
    }

    func load(_ path: String, resolved: String, range: SourceRange) -> Result<Program, RuntimeError> {
      let text: String
      do {
        text = try ScriptFile.read(resolved)
      } catch {
        return .failure(.sourceFailed(path: path, reason: error.message, range))
      }
      let table = context.registry.signatures
      let known = functions.mapValues(FunctionParameter.signature(of:))
      switch Parser.parse(Source(name: resolved, text: text), signatures: { table($0) ?? known[$0] }) {
      case .success(let program): return .success(program)
      case .failure(let errors):
        let first = errors.errors[0]
        let place = errors.source.location(of: first.range.start)
        return .failure(
          .sourceFailed(path: path, reason: "\(first.message) (line \(place.line), column \(place.column))", range))
      }
    }

    // MARK: Scopes

    func lookup(_ name: String) -> Schema? {
      for scope in scopes.reversed() {
        if let schema = scope[name] { return schema }
      }
      return nil
    }

    /// Whether `$name` may be read here: defined by now, or, inside a def, a global.
    func isKnown(_ name: String) -> Bool {
      lookup(name) != nil || (defs > 0 && globals.contains(name))
    }

    var knownNames: [String] { Set(scopes.flatMap(\.keys)).sorted() }

    mutating func define(_ name: String, _ schema: Schema = .unknown) { scopes[scopes.count - 1][name] = schema }

    // MARK: Statements

    mutating func statements(_ list: [Statement]) {
      guard depth < Self.maximumDepth else { return }
      depth += 1
      defer { depth -= 1 }
      for statement in list { self.statement(statement) }
    }

    mutating func statement(_ statement: Statement) {
      switch statement.kind {
      case .assign(let target, let pipeline):
        let schema = self.pipeline(pipeline)
        if target.path.isEmpty {
          define(target.name, schema)
        } else {
          if !isKnown(target.name) {
            report(.undefinedVariable(target.name, known: knownNames, target.range))
          }
          for case .index(let index) in target.path { expr(index, row: nil) }
          define(target.name)
        }
      case .pipeline(let pipeline): _ = self.pipeline(pipeline)
      case .ifElse(let branches, let otherwise):
        for branch in branches {
          expr(branch.condition, row: nil)
          statements(branch.body.statements)
        }
        if let otherwise { statements(otherwise.statements) }
      case .forIn(let variable, let sequence, let body):
        expr(sequence, row: nil)
        if case .list(let item) = schema(of: sequence) { define(variable, item) } else { define(variable) }
        loop(body)
      case .whileLoop(let condition, let body):
        expr(condition, row: nil)
        loop(body)
      case .def(let name, let parameters, let body):
        def(name, parameters, body, range: statement.range)
      case .return(let value):
        if defs == 0 { report(.returnOutsideDef(statement.range)) }
        if let value { expr(value, row: nil) }
      case .exit(let value):
        if let value { expr(value, row: nil) }
      case .break, .continue:
        if loops == 0 {
          if case .break = statement.kind {
            report(.controlOutsideLoop("break", statement.range))
          } else {
            report(.controlOutsideLoop("continue", statement.range))
          }
        }
      case .tryCatch(let body, let handler):
        statements(body.statements)
        define("error")
        statements(handler.statements)
      case .source(let path): source(path)
      case .explain(let pipeline):
        explaining = true
        _ = self.pipeline(pipeline)
        explaining = false
      }
    }

    mutating func loop(_ body: Block) {
      loops += 1
      statements(body.statements)
      loops -= 1
    }

    mutating func def(_ name: String, _ parameters: [FunctionParameter], _ body: Block, range: SourceRange) {
      if context.registry[name] != nil {
        report(.typeMismatch("'\(name)' is a built-in command and cannot be redefined", range))
      }
      functions[name] = parameters
      for parameter in parameters {
        guard let value = parameter.defaultValue else { continue }
        expr(value, row: nil)
        if name == "main" && parameter.literalDefault == nil {
          report(
            .invalidArgument(
              command: "main",
              ArgumentProblem(
                "the default of '\(parameter.name)' must be a literal value", help: "e.g. 30, 7d, \"text\" or true"),
              value.range))
        }
      }
      let saved = (loops, defs)
      (loops, defs) = (0, defs + 1)
      scopes.append(Dictionary(uniqueKeysWithValues: parameters.map { ($0.variableName, Schema.unknown) }))
      define("in")
      statements(body.statements)
      scopes.removeLast()
      (loops, defs) = saved
    }

    mutating func source(_ path: Expr) {
      guard case .literal(.string(let text)) = path.kind else {
        expr(path, row: nil)
        if !warnedComputedSource {
          warnedComputedSource = true
          findings.warnings.append(
            Diagnostic(
              severity: .warning, code: "W201",
              message: "this source path is computed: the file it names is checked when it runs",
              range: path.range, source: source))
        }
        return
      }
      let resolved = ScriptFile.resolve(text, from: source.name)
      let identity = Self.identity(resolved)
      if sourceStack.contains(identity) {
        let cycle = (sourceStack.drop { $0 != identity } + [identity]).map(Self.shortName).joined(separator: " → ")
        report(.sourceFailed(path: text, reason: "it sources itself (\(cycle))", path.range))
        return
      }
      guard sourceStack.count < Interpreter.maximumCallDepth else {
        report(.sourceTooDeep(limit: Interpreter.maximumCallDepth, path.range))
        return
      }
      let loaded = sourced[resolved] ?? load(text, resolved: resolved, range: path.range)
      sourced[resolved] = loaded
      switch loaded {
      case .failure(let error): report(error)
      case .success(let program):
        let outer = source
        source = program.source
        sourceStack.append(identity)
        if program.outline.hasComputedSource { suppressUnknownCommands = true }
        statements(program.statements)
        sourceStack.removeLast()
        source = outer
      }
    }

    /// One name per file however it was reached (`./a.dsh`, `lib/../a.dsh`): the absolute path.
    static func identity(_ path: String) -> String { URL(fileURLWithPath: path).absoluteURL.standardized.path }

    static func shortName(_ path: String) -> String {
      path.split(separator: "/").last.map(String.init) ?? path
    }
  }
}
