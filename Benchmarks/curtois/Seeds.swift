// Seed lists (--seeds) and what several runs of one instance add up to: the per-instance summary line and
// the medians the totals line is computed from.
import Foundation

// MARK: - Seed lists

/// Why a `--seeds` value was refused, worded to follow "--seeds: 'VALUE' ".
struct BadSeedList: Error { let reason: String }

/// A single seed may be a range this long at most: a typo such as `1-1000000000` would otherwise fill the
/// memory before the first solve, and more runs than this are not a benchmark anyone waits for.
let mostSeeds = 10_000

/// `1-16`, `1,3,5` or a mix such as `1-4,9`, in the order given; repeats are kept (`1,1` runs seed 1 twice,
/// which shows whether a run is reproducible).
func parseSeedList(_ text: String) throws(BadSeedList) -> [UInt64] {
    var seeds: [UInt64] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
        let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map { UInt64($0) }
        guard bounds.count <= 2, let low = bounds[0], let high = bounds[bounds.count - 1] else {
            throw BadSeedList(reason: "is not a seed list: write seeds (3), ranges (1-16) or both, separated by commas (1-4,9)")
        }
        guard low <= high else { throw BadSeedList(reason: "has the range \(item), whose end is below its start") }
        guard high - low < UInt64(mostSeeds - seeds.count) else { throw BadSeedList(reason: "asks for more than \(mostSeeds) seeds") }
        seeds.append(contentsOf: low...high)
    }
    return seeds
}

/// The seeds as the summary names them: consecutive ones as a range (`1-4,9`), repeats as they are (`1,1`).
func describeSeeds(_ seeds: [UInt64]) -> String {
    var parts: [String] = []
    var start = 0
    while start < seeds.count {
        var end = start
        while end + 1 < seeds.count, seeds[end] != .max, seeds[end + 1] == seeds[end] + 1 { end += 1 }
        parts.append(end == start ? "\(seeds[start])" : "\(seeds[start])-\(seeds[end])")
        start = end + 1
    }
    return parts.joined(separator: ",")
}

// MARK: - One instance over its seeds

/// The middle value, or the mean of the middle two of an even count; nil for none.
func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted(), middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Up to two decimals without trailing zeros: a median of whole objectives is at most a half (1056.5).
func shortNumber(_ value: Double) -> String {
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

/// The runs of one requested instance, one per seed in the order of the seeds. With a single seed each
/// median is that run's value and "every run" is that run, so the totals line is the same as without seeds.
struct InstanceRuns {
    let instance: Int
    let bestKnownUB: Int?
    let runs: [Outcome]

    /// The objectives of the runs that returned a roster; runs without one have no objective to rank.
    var objectives: [Double] { runs.compactMap(\.objective) }
    var medianObjective: Double? { median(objectives) }
    var medianGapToBest: Double? { median(runs.compactMap(\.gapToBest)) }
    var atBestEveryRun: Bool { runs.allSatisfy(\.atBest) }
    var feasibleEveryRun: Bool { runs.allSatisfy(\.feasible) }

    /// `Instance7: 16 runs (seeds 1-16), at best known 1056 in 9, objective min 1056 / median 1056.5 / max 1058, bound max 1055`
    func summary(seeds: [UInt64]) -> String {
        let atBest = bestKnownUB.map { "at best known \($0) in \(runs.filter(\.atBest).count)" } ?? "no best known value"
        var objective = "objective none"
        if let low = objectives.min(), let middle = medianObjective, let high = objectives.max() {
            objective = "objective min \(shortNumber(low)) / median \(shortNumber(middle)) / max \(shortNumber(high))"
        }
        let withoutRoster = runs.count - objectives.count
        if withoutRoster > 0 { objective += " (\(withoutRoster) of \(runs.count) without a roster)" }
        let bound = runs.compactMap(\.bound).max().map { "bound max \(shortNumber($0))" } ?? "no bound"
        return "Instance\(instance): \(runs.count) runs (seeds \(describeSeeds(seeds))), \(atBest), \(objective), \(bound)"
    }
}
