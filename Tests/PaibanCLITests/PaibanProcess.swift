import Foundation
import Testing

/// Runs a built executable of the package (`paiban`, `curtois-bench`) in a scratch folder and captures what it prints.
struct PaibanProcess {
    struct Outcome {
        var status: Int32
        /// False when the process died of a signal (a crash, a trap).
        var exited: Bool
        var stdout: String
        var stderr: String
    }

    /// The package root, for Examples/.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executables sit in the build products folder, next to the test bundle (the test target depends
    /// on them, so they are built first).
    static func executable(_ name: String = "paiban") throws -> URL {
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        #if os(Linux)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        #endif
        for folder in folders {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw NotFound(name: name, searched: folders.map(\.path))
    }

    struct NotFound: Error, CustomStringConvertible {
        var name: String
        var searched: [String]
        var description: String { "no \(name) executable in \(searched.joined(separator: ", "))" }
    }

    /// A fresh temporary folder, removed by `cleanUp()`.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("paiban-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes a file into the scratch folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Runs `program arguments...` with the scratch folder as working directory. Output goes through
    /// files (not pipes) so a chatty process cannot block on a full pipe.
    func run(_ arguments: [String], program: String = "paiban") throws -> Outcome {
        let streams = folder.appendingPathComponent(".streams-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: streams, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: streams) }
        let out = streams.appendingPathComponent("stdout"), err = streams.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)

        let process = Process()
        process.executableURL = try Self.executable(program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Outcome(status: process.terminationStatus, exited: process.terminationReason == .exit,
                       stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// Minimal CSV reading for the files paiban writes (no quoted fields in these tests' data).
func csvRows(_ text: String) -> [[String]] {
    text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [String: Any], "not a JSON object", sourceLocation: sourceLocation)
}
