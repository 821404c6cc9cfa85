import Foundation

/// Writes a set of files into a folder so that a reader never sees half of them: every file is first
/// written beside its target under a temporary name, and only when all are written are they renamed.
public enum OutputFolder {
    public static func write(_ files: [(name: String, contents: String)], to folder: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var staged: [(String, String)] = []
        do {
            for file in files {
                let target = (folder as NSString).appendingPathComponent(file.name)
                let temporary = (folder as NSString).appendingPathComponent(".\(file.name).partial")
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: temporary))
                staged.append((temporary, target))
            }
        } catch {
            for (temporary, _) in staged { try? fm.removeItem(atPath: temporary) }
            throw error
        }
        for (temporary, target) in staged where rename(temporary, target) != 0 {   // atomic on one file system
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
        }
    }
}
