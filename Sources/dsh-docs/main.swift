import DSHLanguage
import DSHShell
import DSHVersion
import Foundation

// dsh-docs DIR: writes DIR/man/dsh-language.7, DIR/man/dsh-verbs.7 and DIR/verbs.md (the
// verbs page again, as Markdown) from the commands a session registers, so the pages say what
// `help` says.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let directory = arguments.first else {
  FileHandle.standardError.write(Data("usage: dsh-docs DIRECTORY\n".utf8))
  exit(2)
}
let terminal = Terminal(
  writeOut: { _ in }, writeErr: { _ in }, stdoutIsTTY: false, stderrIsTTY: false, width: { 80 },
  colorAllowed: false)
let registry = Session(Session.Options(terminal: terminal)).interpreter.registry
let verbs = CommandPages.verbs(registry, version: Version.number)
let pages = [
  "man/dsh-language.7": ManualPage.text(CommandPages.language(registry, version: Version.number)),
  "man/dsh-verbs.7": ManualPage.text(verbs),
  "verbs.md": MarkdownPage.text(verbs),
]
do {
  try FileManager.default.createDirectory(atPath: directory + "/man", withIntermediateDirectories: true)
  for (name, text) in pages.sorted(by: { $0.key < $1.key }) {
    try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
  }
} catch {
  FileHandle.standardError.write(Data("dsh-docs: \(error)\n".utf8))
  exit(1)
}
