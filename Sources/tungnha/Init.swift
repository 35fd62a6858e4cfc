import ArgumentParser
import TungnhaKit

struct Init: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "init", abstract: HelpText.initCommand.text(Language.current))
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(HelpText.initCommune.text(Language.current), valueName: "code"))
    var commune: String?

    @Option(help: ArgumentHelp(HelpText.initScheme.text(Language.current), valueName: Scheme.choices(Language.current)))
    var scheme: Scheme = .y2025

    @Option(name: .customLong("device-name"), help: ArgumentHelp(HelpText.initDeviceName.text(Language.current), valueName: "name"))
    var deviceName: String

    @Flag(name: .customLong("district-server"), help: ArgumentHelp(HelpText.initDistrict.text(Language.current)))
    var districtServer = false

    @Option(help: ArgumentHelp(HelpText.initProvince.text(Language.current), valueName: "code"))
    var province: String?

    func validate() throws {
        if districtServer, commune != nil { throw ValidationError(SetupError.communeAndDistrict.text(Language.current)) }
        if !districtServer, commune == nil { throw ValidationError(SetupError.noCommune.text(Language.current)) }
    }

    func run() throws {
        try Console.run(global) { console in
            let result = try Store.initialize(
                at: console.storePath, role: districtServer ? .district : .laptop, label: deviceName,
                commune: commune.map { CommuneRef(code: $0.trimmingCharacters(in: .whitespaces), scheme: scheme) },
                province: districtServer ? province : nil, environment: StoreEnvironment.from(Console.environment))
            console.emit(InitResult(device: result.identity, store: console.storePath, created: result.created)) { l in
                Messages.initialized(result.identity, path: console.storePath, created: result.created, l)
            }
        }
    }
}

struct InitResult: Encodable {
    var device: DeviceIdentity
    var store: String
    var created: Bool
}

