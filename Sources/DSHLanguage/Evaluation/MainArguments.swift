import Foundation

/// A script's command-line arguments parsed against its `def main [user, --days = 30, --report]`:
/// positionals in order, `--flag value` or `--flag=value`, `--switch`, defaults, and `--` to end
/// the flags.
///
/// Each value takes the kind of its default.
public enum MainArguments {
  /// The variables `main` runs with, by variable name, or a problem that is a usage error.
  public static func bind(_ arguments: [String], to parameters: [FunctionParameter]) throws(ArgumentProblem)
    -> [String: Value]
  {
    let positionals = parameters.filter { !$0.isFlag }
    var bound: [String: Value] = [:]
    var given = 0
    var flagsEnded = false
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if !flagsEnded, argument == "--" {
        flagsEnded = true
        continue
      }
      if !flagsEnded, argument.hasPrefix("--"), argument.count > 2 {
        let body = argument.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
        guard let parameter = parameters.first(where: { $0.isFlag && $0.name == name }) else {
          let flags = parameters.filter(\.isFlag).map(\.name)
          throw ArgumentProblem(
            "unknown option --\(name)",
            help: Suggestions.closest(to: name, in: flags).first.map { "did you mean '--\($0)'?" }
              ?? "run with --help to list the parameters")
        }
        if parameter.isSwitch {
          bound[parameter.variableName] = .bool(
            try inline.map { text throws(ArgumentProblem) in try bool(text, "--\(name)") } ?? true)
          continue
        }
        guard let text = inline ?? (index < arguments.count ? arguments[index] : nil) else {
          throw ArgumentProblem("--\(name) needs a value", help: "e.g. --\(name) \(example(parameter))")
        }
        if inline == nil { index += 1 }
        bound[parameter.variableName] = try convert(text, like: parameter)
        continue
      }
      guard given < positionals.count else {
        throw ArgumentProblem("unexpected argument '\(argument)'", help: "run with --help to list the parameters")
      }
      bound[positionals[given].variableName] = try convert(argument, like: positionals[given])
      given += 1
    }
    for parameter in parameters where bound[parameter.variableName] == nil {
      if let value = parameter.literalDefault {
        bound[parameter.variableName] = value
      } else if parameter.isFlag {
        bound[parameter.variableName] = .bool(false)
      } else {
        throw ArgumentProblem(
          "missing argument \(parameter.name.uppercased())", help: "run with --help to list the parameters")
      }
    }
    return bound
  }

  /// `usage: dsh FILE USER [--days N]` and one line per parameter.
  public static func help(script: String, _ parameters: [FunctionParameter]) -> String {
    var usage = "usage: dsh \(script)"
    for parameter in parameters where !parameter.isFlag {
      usage += parameter.defaultValue == nil ? " \(parameter.name.uppercased())" : " [\(parameter.name.uppercased())]"
    }
    for parameter in parameters where parameter.isFlag {
      usage += parameter.isSwitch ? " [--\(parameter.name)]" : " [--\(parameter.name) \(placeholder(parameter))]"
    }
    var lines = [usage, "", "parameters:"]
    for parameter in parameters {
      let name = parameter.isFlag ? "--\(parameter.name)" : parameter.name.uppercased()
      let detail: String
      if parameter.isSwitch {
        detail = "a switch"
      } else if let value = parameter.literalDefault {
        detail = "\(value.typeName), default \(value.sourceText)"
      } else {
        detail = "required"
      }
      lines.append("  \(name.padding(toLength: 16))\(detail)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func placeholder(_ parameter: FunctionParameter) -> String {
    switch parameter.literalDefault {
    case .int?: return "N"
    case .float?: return "X"
    case .duration?: return "DURATION"
    case .date?: return "DATE"
    default: return "VALUE"
    }
  }

  static func example(_ parameter: FunctionParameter) -> String {
    parameter.literalDefault.map(\.displayText) ?? "VALUE"
  }

  static func convert(_ text: String, like parameter: FunctionParameter) throws(ArgumentProblem) -> Value {
    let name = parameter.isFlag ? "--\(parameter.name)" : parameter.name.uppercased()
    switch parameter.literalDefault {
    case .int?:
      guard let number = Int(text) else { throw ArgumentProblem("\(name) needs an int, not '\(text)'") }
      return .int(number)
    case .float?:
      guard let number = Double(text), number.isFinite else {
        throw ArgumentProblem("\(name) needs a number, not '\(text)'")
      }
      return .float(number)
    case .duration?:
      guard let seconds = Conversion.parseDuration(text) else {
        throw ArgumentProblem("\(name) needs a duration like 30d or 15m, not '\(text)'")
      }
      return .duration(seconds)
    case .date?:
      guard let date = DateText.parse(text) else {
        throw ArgumentProblem("\(name) needs a date like 2026-01-31, not '\(text)'")
      }
      return .date(date)
    case .bool?: return .bool(try bool(text, name))
    default: return .string(text)
    }
  }

  /// Reads `text` as `into bool` reads text: true/false, yes/no, on/off, 1/0.
  ///
  /// `name` is the parameter as the user writes it: `--report`, or `FORCE` for a positional.
  static func bool(_ text: String, _ name: String) throws(ArgumentProblem) -> Bool {
    guard case .bool(let flag)? = Conversion.bool(.string(text)) else {
      throw ArgumentProblem("\(name) is true or false, not '\(text)'")
    }
    return flag
  }
}

extension String {
  fileprivate func padding(toLength length: Int) -> String {
    count >= length ? self + " " : self + String(repeating: " ", count: length - count)
  }
}
