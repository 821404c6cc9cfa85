import Paiban

extension Scenario {
    /// Which of the groups that matter to cover and to lunch limits person p serves. People with the same
    /// signature are interchangeable there: one of them on a shift counts exactly as another would.
    func groupSignature(of p: Int) -> [Bool] {
        Set(demand.groups + rules.awayLimits.map(\.group)).sorted().map { staff[p].serves($0) }
    }
}
