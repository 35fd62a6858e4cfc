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

    @Flag(name: .customLong("gathering-machine"), help: ArgumentHelp(HelpText.initGathering.text(Language.current)))
    var gatheringMachine = false

    @Option(help: ArgumentHelp(HelpText.initProvince.text(Language.current), valueName: "code"))
    var province: String?

    /// The name of the province's machine before 2025 abolished the districts; it still works.
    @Flag(name: .customLong("district-server"), help: ArgumentHelp(HelpText.initDistrictServer.text(Language.current)))
    var districtServer = false

    var communeRef: CommuneRef? { commune.map { CommuneRef(code: $0.trimmingCharacters(in: .whitespaces), scheme: scheme) } }

    func role() throws -> DeviceIdentity.Role {
        try DeviceIdentity.Role.asked(gathering: gatheringMachine, districtServer: districtServer, commune: communeRef, province: province)
    }

    func validate() throws {
        do {
            _ = try role()
        } catch let error as SetupError {
            throw ValidationError(error.text(Language.current))
        }
    }

    func run() throws {
        try Console.run(global) { console in
            let result = try Store.initialize(
                at: console.storePath, role: try role(), label: deviceName, commune: communeRef, province: province,
                environment: StoreEnvironment.from(Console.environment))
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
