import DSHLanguage
import DSHShell
import DSHVersion
import Foundation

// dsh-docs DIR: writes DIR/dsh-language.7 and DIR/dsh-verbs.7 from the commands a session
// registers, so the pages say what `help` says.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let directory = arguments.first else {
  FileHandle.standardError.write(Data("usage: dsh-docs DIRECTORY\n".utf8))
  exit(2)
}
let terminal = Terminal(
  writeOut: { _ in }, writeErr: { _ in }, stdoutIsTTY: false, stderrIsTTY: false, width: { 80 },
  colorAllowed: false)
let registry = Session(Session.Options(terminal: terminal)).interpreter.registry
let pages = [
  "dsh-language.7": CommandPages.language(registry, version: Version.number),
  "dsh-verbs.7": CommandPages.verbs(registry, version: Version.number),
]
do {
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  for (name, text) in pages.sorted(by: { $0.key < $1.key }) {
    try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
  }
} catch {
  FileHandle.standardError.write(Data("dsh-docs: \(error)\n".utf8))
  exit(1)
}
