import Foundation

/// Where the benchmark's text files live: `PAIBAN_CURTOIS_DIR`, else the shared benchmark folder.
/// The files are not part of the package; tests that need them are skipped where the folder is absent.
public enum InstanceFiles {
    public static let directory = ProcessInfo.processInfo.environment["PAIBAN_CURTOIS_DIR"] ?? "/work/shared/benchmarks/curtois"
    public static func path(_ number: Int) -> String { "\(directory)/Instance\(number).txt" }
    public static var available: Bool { FileManager.default.fileExists(atPath: path(1)) }
}
