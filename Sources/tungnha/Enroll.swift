import ArgumentParser
import TungnhaKit

struct Enroll: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: EnrollHelp.enroll.text(Language.current), subcommands: [Show.self, Add.self, List.self, Revoke.self])
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EnrollHelp.show.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(EnrollHelp.showOut.text(Language.current), valueName: "file"))
        var out: String?

        func run() throws {
            try Console.run(global) { console in
                let own = try console.openStore().ownEnrollment(writingTo: out)
                console.emit(own) { l in Messages.ownEnrollment(own, l) }
            }
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EnrollHelp.add.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(EnrollHelp.addFiles.text(Language.current), valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp(EnrollHelp.fingerprint.text(Language.current), valueName: "code"))
        var fingerprint: String?

        @Flag(name: .customLong("forwards-to"), help: ArgumentHelp(EnrollHelp.forwardsTo.text(Language.current)))
        var forwardsTo = false

        func run() throws {
            try Console.run(global) { console in
                let store = try console.openStore()
                var results: [EnrollResult] = []
                for file in files {
                    let offer = try store.readEnrollment(file, outbound: forwardsTo)
                    var confirmed = fingerprint
                    // A person compares the codes on a terminal; a script must give the code it was told.
                    if let newcomer = offer.newcomer, confirmed == nil, Terminal.isInteractive(json: global.json) {
                        let yes = try Terminal.guided(console, quiet: true) { prompter -> Bool? in
                            prompter.tell(Messages.enrollQuestion(newcomer, console.language))
                            if try prompter.yesNo(Messages.enrollPrompt(console.language)) { return true }
                            prompter.tell(Messages.enrollDeclined(console.language))
                            return nil
                        }
                        guard yes == true else { throw ExitCode(1) }
                        confirmed = newcomer.fingerprint
                    }
                    results.append(try store.enroll(offer, fingerprint: confirmed))
                }
                console.emit(results) { l in results.map { Messages.enrolled($0, l) }.joined(separator: "\n") }
            }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EnrollHelp.list.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Console.run(global) { console in
                let machines = try console.openStore().trustedMachines()
                console.emit(machines) { l in Messages.trustedMachines(machines, l) }
            }
        }
    }

    struct Revoke: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: EnrollHelp.revoke.text(Language.current)) }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(EnrollHelp.revokeMachine.text(Language.current), valueName: "machine"))
        var machine: String

        @Option(name: .customLong("keep-up-to"), help: ArgumentHelp(EnrollHelp.keepUpTo.text(Language.current), valueName: "n"))
        var keepUpTo: Int64?

        func run() throws {
            try Console.run(global) { console in
                let revoked = try console.openStore().revoke(machine, keepUpTo: keepUpTo)
                console.emit(revoked) { l in Messages.revokedMachine(revoked, l) }
            }
        }
    }
}
