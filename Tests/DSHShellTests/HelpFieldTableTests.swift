import DSHLanguage
import DocSpaceVerbs
import Testing

/// `help VERB` at 40, 60 and 100 columns: every query, body and response field table keeps
/// each description in its own column (or, when too narrow for one, on the lines below its
/// field), whole and in order, within the width (only a URL or a path may run past it).
@Suite struct HelpFieldTableTests {
  static let verbs = DocSpaceVerbs.all(PortalConnection()).filter { !$0.calls.isEmpty }
  static let cases = [40, 60, 100].flatMap { width in verbs.map { (width, $0.name) } }

  /// The field tables `help` draws for a verb, in order: a title line, then the fields.
  static func tables(_ spec: CommandSpec) -> [(title: String, fields: [APICall.Field])] {
    spec.calls.enumerated().flatMap { index, call -> [(title: String, fields: [APICall.Field])] in
      if spec.calls[..<index].contains(where: { $0.line == call.line }) { return [] }
      var tables: [(title: String, fields: [APICall.Field])] = []
      if !call.query.isEmpty { tables.append(("query:", call.query)) }
      if !call.body.isEmpty { tables.append(("body (JSON):", call.body)) }
      tables.append(("response (\(call.responseType))\(call.response.isEmpty ? "" : ":")", call.response))
      return tables
    }
  }

  static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

  @Test(arguments: cases)
  func fieldDescriptionsStayInTheirColumn(width: Int, verb: String) throws {
    let spec = try #require(Self.verbs.first { $0.name == verb })
    let text = TextWrap.prose(HelpText.command(spec, width: width), width: width)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var next = 0
    for table in Self.tables(spec) {
      let start = try #require(
        lines[next...].firstIndex { $0 == "     " + table.title }, "no '\(table.title)' table in help \(verb)")
      var index = start + 1
      let column = 7 + (table.fields.map(\.name.count).max() ?? 0) + 2 + (table.fields.map(\.type.count).max() ?? 0) + 2
      let inColumn = width - column >= 24
      for field in table.fields {
        let row = lines[index]
        index += 1
        #expect(row.count <= width, "\(verb) at \(width): \(row)")
        #expect(Self.indentation(row) == 7 && row.dropFirst(7).hasPrefix(field.name + " "), "\(verb): \(row)")
        var description: [Substring] = []
        if inColumn {
          #expect(row.count > column && Self.indentation(row.dropFirst(column - 1)) == 1, "\(verb) at \(width): \(row)")
          description.append(row.dropFirst(column))
        }
        while index < lines.count, Self.indentation(lines[index]) > 7 {
          #expect(Self.indentation(lines[index]) == (inColumn ? column : 9), "\(verb) at \(width): \(lines[index])")
          #expect(lines[index].count <= width, "\(verb) at \(width): \(lines[index])")
          description.append(lines[index].drop { $0 == " " })
          index += 1
        }
        #expect(description.joined(separator: " ") == field.help, "\(verb) at \(width): \(field.name)")
      }
      next = index
    }
  }
}
