import ArgumentParser
import Foundation
import TungnhaKit

#if canImport(Glibc)
import Glibc
#endif

/// Guided entry on a terminal: the answers come from the keyboard line by line, the questions go to the screen.
enum Terminal {
    /// Both ends are a terminal and the output is for people: only then may a command ask questions.
    static func isInteractive(json: Bool) -> Bool {
        !json && isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    }

    final class Keyboard: AnswerSource {
        func nextLine() -> String? { Swift.readLine(strippingNewline: true) }
    }

    /// Ctrl-C during a dialogue: say that nothing was recorded, and stop. Nothing is written before the final yes,
    /// so stopping at once loses nothing that was recorded.
    static func sayOnInterrupt(_ text: String) {
        interruptMessage = strdup("\n" + text + "\n")
        signal(SIGINT) { _ in
            if let message = interruptMessage { _ = write(STDOUT_FILENO, message, strlen(message)) }
            _exit(130)
        }
        // A parent may have started us with SIGINT blocked; Ctrl-C must still stop the dialogue.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// Runs a dialogue on the terminal; nil when the volunteer answered no at the end (said on the screen).
    /// `quiet`: a no is an answer, not a change of mind (nothing to say).
    static func guided<T>(_ console: Console, quiet: Bool = false, _ dialogue: (Prompter) throws -> T?) throws -> T? {
        let language = console.language
        sayOnInterrupt(GuidedText.interrupted.text(language))
        let prompter = Prompter(language: language, source: Keyboard()) { text in
            FileHandle.standardOutput.write(Data(TerminalText.safe(text).utf8))
        }
        do {
            guard let result = try dialogue(prompter) else {
                if !quiet { prompter.tell(GuidedText.nothingRecorded.text(language)) }
                return nil
            }
            return result
        } catch is DialogueAbandoned {
            prompter.tell(GuidedText.nothingRecorded.text(language))
            throw ExitCode(1)
        }
    }
}

nonisolated(unsafe) private var interruptMessage: UnsafeMutablePointer<CChar>?
