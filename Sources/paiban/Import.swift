import ArgumentParser
import Foundation
import PaibanIO

/// `paiban import curtois InstanceN.txt`: a benchmark instance as a Paiban scenario to read, edit and solve.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert other formats into Paiban scenarios.",
        subcommands: [Curtois.self])

    struct Curtois: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A Curtois & Qu benchmark instance (InstanceN.txt) as scenario YAML.",
            discussion: "`paiban solve InstanceN.txt` reads an instance directly, through the same conversion.")

        @Argument(help: "The instance file in the benchmark's text format.")
        var instance: String

        @Option(name: .shortAndLong, help: "Write the scenario to this file instead of standard output.")
        var output: String?

        func run() throws {
            let parsed = try CurtoisParser.parse(path: instance)
            let name = CurtoisImport.instanceName(path: instance)
            let yaml = CurtoisImport.yaml(parsed, name: name)
            // Read back before writing: what import writes, solve can read.
            _ = try CurtoisImport.scenario(from: parsed, name: name, file: instance + " (imported)")
            guard let output else { print(yaml, terminator: ""); return }
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)   // never half a file
        }
    }
}
