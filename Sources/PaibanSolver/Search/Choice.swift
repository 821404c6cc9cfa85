/// Picks among a few ways of doing a step by the objective each has gained per second lately, and tries
/// another one now and then. Whether GLPK's cut generators pay off depends on the model (they do on the
/// callcenter's slot cover, they do not on the Curtois instances), and so does which kind of part
/// closes quickly enough to gain.
struct Choice {
    private var gain: [Double], seconds: [Double]
    /// One step in `explore` tries a random arm.
    let explore: Int

    init(arms: Int, explore: Int) {
        gain = Array(repeating: 0, count: arms)
        seconds = Array(repeating: 1e-3, count: arms)
        self.explore = explore
    }

    mutating func next(_ rng: inout SplitMix) -> Int {
        if Int.random(in: 0..<explore, using: &rng) == 0 { return Int.random(in: gain.indices, using: &rng) }
        return gain.indices.max { gain[$0] / seconds[$0] < gain[$1] / seconds[$1] }!
    }

    mutating func record(_ arm: Int, gain: Double, seconds: Double) {
        // Old steps fade, so that the choice follows the search as it moves on.
        for k in self.gain.indices { self.gain[k] *= 0.95; self.seconds[k] *= 0.95 }
        self.gain[arm] += gain
        self.seconds[arm] += seconds
    }
}
