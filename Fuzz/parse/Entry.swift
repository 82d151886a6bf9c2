/// libFuzzer entry: any bytes through the lexer, the parser, the static checker and the
/// diagnostic renderer. Nothing runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let source = Source(name: "fuzz.dsh", text: text)
  let registry = CommandRegistry(DataCommands.all)
  let renderer = DiagnosticRenderer(color: false)
  switch Parser.parse(source, signatures: registry.signatures) {
  case .success(let program):
    let findings = ProgramChecker.check(program, in: CheckContext(registry: registry))
    for diagnostic in findings.diagnostics + findings.warnings { _ = renderer.render(diagnostic) }
  case .failure(let errors):
    for diagnostic in errors.diagnostics { _ = renderer.render(diagnostic) }
  }
  return 0
}
