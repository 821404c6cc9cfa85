import ArgumentParser
import Foundation
import PaibanIO
import PaibanSolver

/// Exit codes: 0 done, 1 no roster keeps every hard rule, 2 unusable input, 3 internal error.
enum ExitStatus {
    static let infeasible: Int32 = 1
    static let badInput: Int32 = 2
    static let internalError: Int32 = 3
}

struct PaibanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paiban",
        abstract: "Shift rosters for customer-service teams (排班), solved with GLPK.",
        subcommands: [Solve.self, Check.self, Import.self])
}

/// Runs a command and turns every failure into a message and an exit code: no stack traces.
func runMain() -> Never {
    do {
        var command = try PaibanCommand.parseAsRoot()
        try command.run()
        exit(0)
    } catch let error as InputError {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(ExitStatus.badInput)
    } catch let error as SolverError {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(ExitStatus.internalError)
    } catch let error as ExitCode {
        exit(error.rawValue)
    } catch {
        let code = PaibanCommand.exitCode(for: error)
        // Help and version requests print and succeed; usage errors and unwritable output folders are
        // unusable input like any other: exit 2.
        if code == .success { PaibanCommand.exit(withError: error) }
        var message = PaibanCommand.fullMessage(for: error)
        if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst(7) } else { message = "error: " + message }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(ExitStatus.badInput)
    }
}

runMain()
