import Foundation
import PaibanSolver

/// The search's progress on stderr once it has run for a second: one line rewritten in place on a
/// terminal, a plain line every few seconds otherwise (logs, CI).
final class ProgressLine: @unchecked Sendable {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastPrinted = 0.0
    private var printedLive = false

    func update(_ progress: SearchProgress) {
        lock.lock(); defer { lock.unlock() }
        guard progress.elapsed >= 1 else { return }
        let interval = isTerminal ? 0.2 : 5
        guard progress.elapsed - lastPrinted >= interval else { return }
        lastPrinted = progress.elapsed
        var line = String(format: "%6.1f s  %@", progress.elapsed, progress.phase)
        if let incumbent = progress.incumbent { line += String(format: "  incumbent %.1f", incumbent) }
        if let bound = progress.bound { line += String(format: "  bound %.1f", bound) }
        if let gap = progress.gap { line += String(format: "  gap %.2f%%", gap * 100) }
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            printedLive = true
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if printedLive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
