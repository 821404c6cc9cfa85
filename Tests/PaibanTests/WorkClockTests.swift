import Foundation
@testable import PaibanSolver
import Testing

/// The work clock's hand-overs between threads: what one thread offers reaches the other at a work time,
/// whatever the wall clock says (see `WorkClock`).
/// The limit only catches a deadlock: under the full suite the tests may wait minutes for a thread of the pool.
@Suite(.timeLimit(.minutes(10)))
struct WorkClockTests {
    /// Runs `work` on two threads in lanes of a fresh work clock, around a roster of objective 100.
    static func twoLanes(_ work: @escaping @Sendable (Int, WorkLane, SharedIncumbent) -> Void) -> SharedIncumbent {
        let clock = Deadline(start: Date(), work: 10, wallSeconds: 30).work!
        let shared = SharedIncumbent(Incumbent(values: [0], objective: 100))
        WorkLane.current = .root(of: clock)
        defer { WorkLane.current = nil }
        onThreads(2, clock: clock) { k in work(k, WorkLane.current!, shared) }
        return shared
    }

    /// Lane 1 offers a roster at work time 0.12. Lane 0 reads at 0.07, after the offer has happened on the
    /// wall clock, and must not see it; it reads again at 0.26, before lane 1 has moved on (on the wall), and
    /// must wait for it and see the offer.
    @Test func anOfferIsSeenFromTheNextEpochOnWhateverTheWallClockSays() {
        let offered = DispatchSemaphore(value: 0), readEarly = DispatchSemaphore(value: 0)
        let seen = SeenBox()
        let shared = Self.twoLanes { k, lane, shared in
            if k == 1 {
                lane.add(0.12)
                shared.offer(Incumbent(values: [1], objective: 50))
                offered.signal()
                readEarly.wait()
                Thread.sleep(forTimeInterval: 0.2)   // lane 0 is waiting for this lane by now
                lane.add(0.3)
            } else {
                offered.wait()
                lane.add(0.07)
                seen.early = shared.current.objective
                readEarly.signal()
                lane.add(0.19)
                seen.late = shared.current.objective
            }
        }
        #expect(seen.early == 100)
        #expect(seen.late == 50)
        // After the threads, everything handed over is seen.
        #expect(shared.current.objective == 50)
    }

    /// A thread sees its own offers at once, and bounds travel like rosters.
    @Test func ownOffersAndBounds() {
        let seen = SeenBox()
        _ = Self.twoLanes { k, lane, shared in
            if k == 1 {
                lane.add(0.01)
                shared.bound(40, proven: false)
                lane.add(1)
            } else {
                lane.add(0.02)
                shared.offer(Incumbent(values: [2], objective: 70))
                seen.early = shared.current.objective
                seen.bound = shared.bound
                lane.add(0.1)
                seen.lateBound = shared.bound
            }
        }
        #expect(seen.early == 70)
        #expect(seen.bound == nil)
        #expect(seen.lateBound == 40)
    }

    /// Equal rosters from two lanes: every run keeps the earlier one, whichever arrives first on the wall.
    @Test func amongEqualOffersTheEarlierWorkTimeWins() {
        for delay in [0.0, 0.1] {
            let shared = Self.twoLanes { k, lane, shared in
                if k == 1 {
                    lane.add(0.3)
                    shared.offer(Incumbent(values: [1], objective: 60))
                } else {
                    Thread.sleep(forTimeInterval: delay)
                    lane.add(0.2)
                    shared.offer(Incumbent(values: [0.5], objective: 60))
                }
            }
            #expect(shared.current.values == [0.5], "delay \(delay)")
        }
    }
}

private final class SeenBox: @unchecked Sendable {
    var early: Double?
    var late: Double?
    var bound: Double?
    var lateBound: Double?
}
