extension Interpreter {
  /// `$x = v`, or `$r.field = v` / `$l[i] = v`: the variable's value is updated in place.
  func assign(_ target: AssignmentTarget, _ value: Value) async throws {
    guard !target.path.isEmpty else { return assign(target.name, value) }
    var steps: [(step: ResolvedStep, range: SourceRange)] = []
    for step in target.path {
      switch step {
      case .field(let name): steps.append((.field(name), target.range))
      case .index(let expr): steps.append((.index(try await evaluate(expr, row: nil)), expr.range))
      }
    }
    guard steps.count + Value.nestingDepth(of: value) <= Value.maximumNesting else {
      throw RuntimeError.valueTooDeep(limit: Value.maximumNesting, target.range)
    }
    let frame = frames[frames.count - 1][target.name] != nil ? frames.count - 1 : 0
    // Taken out of the frame while it changes, so that a big list is not copied per update.
    guard let current = frames[frame].removeValue(forKey: target.name) else {
      _ = try lookup(target.name, row: nil, range: target.range)
      return
    }
    do {
      frames[frame][target.name] = try Self.replacing(current, at: steps[...], with: value)
    } catch {
      frames[frame][target.name] = current
      throw error
    }
  }

  enum ResolvedStep {
    case field(String)
    case index(Value)
  }

  static func replacing(
    _ container: Value, at steps: ArraySlice<(step: ResolvedStep, range: SourceRange)>, with value: Value
  ) throws(RuntimeError) -> Value {
    guard let (step, range) = steps.first else { return value }
    let rest = steps.dropFirst()
    switch (container, step) {
    case (.record(var record), .field(let name)), (.record(var record), .index(.string(let name))):
      let inner = record[name] ?? .null
      record[name] = .null
      record[name] = try replacing(inner, at: rest, with: value)
      return .record(record)
    case (.list(var items), .index(.int(let position))):
      let resolved = position < 0 ? items.count + position : position
      guard items.indices.contains(resolved) else {
        throw .indexOutOfRange(index: position, count: items.count, range)
      }
      let inner = items[resolved]
      items[resolved] = .null
      items[resolved] = try replacing(inner, at: rest, with: value)
      return .list(items)
    case (.list, .field(let name)):
      throw .typeMismatch("cannot set field '\(name)' on a list: pick an item first, e.g. $l[0].\(name)", range)
    case (_, .field(let name)):
      throw .typeMismatch("cannot set field '\(name)' on \(container.typeName)", range)
    case (_, .index(let index)):
      throw .typeMismatch("cannot set an item of \(container.typeName) by \(index.typeName)", range)
    }
  }
}
