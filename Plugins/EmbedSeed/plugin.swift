import PackagePlugin

/// Compiles the administrative units of `seed/` into TungnhaKit.
@main
struct EmbedSeed: BuildToolPlugin {
    static let files = [
        "provinces-2025.tsv", "communes-2025.tsv",
        "provinces-pre2025.tsv", "districts-pre2025.tsv", "communes-pre2025.tsv",
        "conversion-pre2025-to-2025.tsv",
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let seed = context.package.directoryURL.appending(path: "seed")
        let inputs = Self.files.map { seed.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "SeedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding seed/ administrative units",
                executable: try context.tool(named: "seed-embed").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
