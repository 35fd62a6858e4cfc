// Writes a Swift file holding each seed TSV as a string literal.
// Usage: seed-embed OUTPUT.swift INPUT.tsv...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first, arguments.count > 1 else {
    FileHandle.standardError.write(Data("usage: seed-embed OUTPUT.swift INPUT.tsv...\n".utf8))
    exit(2)
}

var source = "// Generated from seed/ by the EmbedSeed plugin. Do not edit.\n"
source += "enum SeedFiles {\n"
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    guard !text.contains("\"\"\"#") else {
        FileHandle.standardError.write(Data("seed-embed: \(path) holds a raw string delimiter\n".utf8))
        exit(1)
    }
    let name = url.deletingPathExtension().lastPathComponent
        .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        .enumerated()
        .map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
        .joined()
    source += "    static let \(name): String = #\"\"\"\n\(text.hasSuffix("\n") ? String(text.dropLast()) : text)\n\"\"\"#\n"
}
source += "}\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)
