import ArgumentParser
import TungnhaKit

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(HelpText.db.text(Language.current), valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(HelpText.lang.text(Language.current), valueName: "vi|en"))
    var lang: String?

    @Flag(name: .long, help: ArgumentHelp(HelpText.json.text(Language.current)))
    var json = false

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError(Messages.unknownLanguage(lang, Language.current))
        }
    }
}
