import Foundation
import CGLPK
import CGLPKGuard

/// Errors from the GLPK bridge. Reaching one means validation upstream missed something.
public enum SolverError: Error, CustomStringConvertible {
    case glpkFatal(String)
    case auditDisagrees(String)

    public var description: String {
        switch self {
        case .glpkFatal(let what): return "GLPK rejected the model (\(what)); this is a bug in Paiban, please report it"
        case .auditDisagrees(let what): return "the solver and the audit disagree: \(what); this is a bug in Paiban, please report it"
        }
    }
}

/// One GLPK problem object. GLPK's memory belongs to the thread that created it, so a
/// GLPKProblem is created, used and dropped inside one synchronous solve; it is deliberately not Sendable.
final class GLPKProblem {
    private var prob: OpaquePointer?
    private(set) var columnCount: Int
    private(set) var rowCount: Int
    let integerColumns: Int
    private var entryCount: Int
    /// The thread's GLPK environment this problem lives in (see GLPKEnvironment).
    private let epoch: Int

    init(_ model: LinearModel) throws {
        // Output is per thread: silence it here, on the solving thread, as well as in every parameter block.
        glp_term_out(GLP_OFF)
        let prob = glp_create_prob()!
        columnCount = model.columns.count
        rowCount = model.rows.count
        integerColumns = model.columns.filter(\.isInteger).count
        entryCount = model.entryValues.count
        epoch = GLPKEnvironment.epoch
        glp_set_obj_dir(prob, GLP_MIN)
        glp_set_obj_coef(prob, 0, model.constant)   // column 0 is the objective's constant term
        if rowCount > 0 { glp_add_rows(prob, Int32(rowCount)) }
        if columnCount > 0 { glp_add_cols(prob, Int32(columnCount)) }
        for (i, row) in model.rows.enumerated() {
            let (type, lower, upper) = Self.boundType(row.lower, row.upper)
            glp_set_row_bnds(prob, Int32(i + 1), type, lower, upper)
        }
        for (j, column) in model.columns.enumerated() {
            let (type, lower, upper) = Self.boundType(column.lower, column.upper)
            glp_set_col_bnds(prob, Int32(j + 1), type, lower, upper)
            glp_set_obj_coef(prob, Int32(j + 1), column.cost)
            if column.isInteger { glp_set_col_kind(prob, Int32(j + 1), GLP_IV) }
        }
        // Arrays are 1-based in GLPK: element 0 is a placeholder.
        let ia = [0] + model.entryRows, ja = [0] + model.entryColumns, ar = [0] + model.entryValues
        if glp_check_dup(Int32(rowCount), Int32(columnCount), Int32(ia.count - 1), ia, ja) != 0 {
            glp_delete_prob(prob)
            throw SolverError.glpkFatal("duplicate or out-of-range matrix entries")
        }
        guard cglpk_load_matrix(prob, Int32(ia.count - 1), ia, ja, ar) != CGLPK_FATAL else {
            GLPKEnvironment.freed()
            throw SolverError.glpkFatal("glp_load_matrix")   // the guard has freed the environment
        }
        self.prob = prob
    }

    // After a guarded fatal error GLPK has freed the thread's whole environment, with every problem in it.
    deinit { if let prob, epoch == GLPKEnvironment.epoch { glp_delete_prob(prob) } }

    private func lost() {
        prob = nil
        GLPKEnvironment.freed()
    }

    private static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): return (GLP_FR, 0, 0)
        case (let l?, nil): return (GLP_LO, l, 0)
        case (nil, let u?): return (GLP_UP, 0, u)
        case (let l?, let u?): return l == u ? (GLP_FX, l, u) : (GLP_DB, l, max(l, u))
        }
    }

    private var p: OpaquePointer {
        guard let prob else { preconditionFailure("GLPK problem used after a fatal error") }
        return prob
    }

    enum Outcome: Equatable { case optimal, feasible, infeasible, noSolution }

    /// Whether a simplex basis from an earlier solve exists to start from.
    private var warm = false
    private var costsChanged = false

    /// Appends a continuous column with its entries (0-based rows); returns its 0-based index. The basis
    /// stays as it was, the new column non-basic at its lower bound, so the next solve goes on from it
    /// with the primal simplex (a column generation master grows this way, round after round).
    func addColumn(lower: Double, upper: Double?, cost: Double, entries: [(row: Int, value: Double)]) -> Int {
        let j = Int(glp_add_cols(p, 1))
        let (type, l, u) = Self.boundType(lower, upper)
        glp_set_col_bnds(p, Int32(j), type, l, u)
        glp_set_obj_coef(p, Int32(j), cost)
        let rows = [Int32(0)] + entries.map { Int32($0.row + 1) }, values = [0.0] + entries.map(\.value)
        glp_set_mat_col(p, Int32(j), Int32(entries.count), rows, values)
        columnCount += 1
        entryCount += entries.count
        costsChanged = true
        return j - 1
    }

    /// Appends a row over existing columns (0-based), free until `setRowBounds`; returns its 0-based index.
    /// The basis stays valid (the row's slack enters it), so the next solve goes on from it.
    func addRow(_ entries: [(column: Int, value: Double)]) -> Int {
        let i = Int(glp_add_rows(p, 1))
        glp_set_row_bnds(p, Int32(i), GLP_FR, 0, 0)
        let columns = [Int32(0)] + entries.map { Int32($0.column + 1) }, values = [0.0] + entries.map(\.value)
        glp_set_mat_row(p, Int32(i), Int32(entries.count), columns, values)
        rowCount += 1
        entryCount += entries.count
        return i - 1
    }

    /// The simplex basis: each row's and column's status, to go back to (every branch of a node starts
    /// from the node's own basis, not from its sibling's).
    var basis: (rows: [Int32], columns: [Int32]) {
        ((0..<rowCount).map { glp_get_row_stat(p, Int32($0 + 1)) }, (0..<columnCount).map { glp_get_col_stat(p, Int32($0 + 1)) })
    }

    /// Restores a basis taken by `basis`; rows added since are basic (their slack carries them).
    func restore(_ basis: (rows: [Int32], columns: [Int32])) {
        for i in 0..<rowCount { glp_set_row_stat(p, Int32(i + 1), i < basis.rows.count ? basis.rows[i] : GLP_BS) }
        for (j, status) in basis.columns.enumerated() { glp_set_col_stat(p, Int32(j + 1), status) }
    }

    /// New bounds for row i (0-based).
    func setRowBounds(_ i: Int, lower: Double?, upper: Double?) {
        let (type, l, u) = Self.boundType(lower, upper)
        glp_set_row_bnds(p, Int32(i + 1), type, l, u)
    }

    /// New bounds for column j (0-based), keeping its kind.
    func setBounds(_ j: Int, lower: Double, upper: Double?) {
        let (type, l, u) = Self.boundType(lower, upper)
        glp_set_col_bnds(p, Int32(j + 1), type, l, u)
    }

    /// New objective coefficients for every column (a pricing problem re-solved with new duals).
    func setCosts(_ costs: [Double]) {
        for (j, c) in costs.enumerated() { glp_set_obj_coef(p, Int32(j + 1), c) }
        costsChanged = true
    }

    /// Solves the LP relaxation. The first solve starts from scratch with the primal simplex (measured with
    /// glpsol on the callcenter model with lunch: 3.9 s primal against 7.2 s dual); later solves start from
    /// the previous basis with the dual simplex, which suits a warm start after bounds change.
    /// With `presolve`, GLPK first removes fixed columns and the rows they settle: settling a roster of a
    /// million fixed assignments is then a tiny LP (measured on Curtois Instance24: seconds against minutes).
    /// On the wall clock the simplex gets at least a second, whatever `timeLimit` says (so that a short part
    /// still finishes its LP), but never past the thread's `WallStop`.
    func solveLP(timeLimit: Double, presolve: Bool = false) throws -> Outcome {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        // After a change of costs or new columns only, the old basis is still primal feasible: the primal simplex goes on from it.
        parm.meth = warm && !costsChanged ? GLP_DUALP : GLP_PRIMAL
        costsChanged = false
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        warm = !presolve   // the presolver leaves no basis behind
        parm.tm_lim = Self.milliseconds(max(1, timeLimit))
        var rc = simplex(&parm, timeLimit: timeLimit)
        if rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND {
            glp_adv_basis(p, 0)
            rc = simplex(&parm, timeLimit: timeLimit)
        }
        if rc == CGLPK_FATAL { lost(); throw SolverError.glpkFatal("glp_simplex") }
        if glp_get_status(p) == GLP_OPT { return .optimal }
        if presolve, rc == GLP_ENOPFS || rc == GLP_ENODFS { return .infeasible }
        // rc 0 with no optimum means GLPK proved the LP infeasible (or unbounded, which cannot happen here).
        return rc == 0 ? .infeasible : .noSolution
    }

    /// Work seconds of one simplex iteration, or one iteration or node in a branch-and-cut tree, on this
    /// problem (see `WorkRate`).
    private var stepWork: Double { Double(rowCount + columnCount + entryCount) / WorkRate.simplex }
    private var treeStepWork: Double { Double(rowCount + columnCount + entryCount) / WorkRate.tree }

    /// The simplex within `timeLimit`: on the wall clock as GLPK times it; on a work clock (the calling
    /// thread has a lane) in runs of about an epoch of iterations each, counted into the lane, so that the
    /// other threads see this one move on and the limit falls on the same iteration in every run.
    private func simplex(_ parm: inout glp_smcp, timeLimit: Double) -> Int32 {
        guard let lane = WorkLane.current else {
            let began = Date(), iterations = glp_get_it_cnt(p)
            let rc = cglpk_simplex(p, &parm)
            traceWork("lp", since: began, iterations: glp_get_it_cnt(p) - iterations, nodes: 0)
            return rc
        }
        let end = lane.seconds + timeLimit
        var rc: Int32
        // Each call sets the simplex up anew: a factorisation of the whole basis, fresh pricing weights, and
        // GLPK's perturbation against stalling (which starts after 200 degenerate iterations within one call)
        // dropped. So runs start at an epoch's worth and at least 200 iterations, and double each time up to
        // 8 epochs' worth (a thread reading hand-overs waits for a lane behind it, until its run ends).
        // With the presolver a run cannot be resumed (it keeps no basis): one run for the whole budget.
        var run = max(200, WorkClock.epoch / stepWork)
        let longest = max(run, 8 * WorkClock.epoch / stepWork)
        repeat {
            parm.tm_lim = Self.wallMilliseconds(lane)
            let left = max(1, (end - lane.seconds) / stepWork)
            parm.it_lim = Int32(min(parm.presolve == GLP_ON ? left : run, left, 1e9).rounded(.up))
            run = min(2 * run, longest)
            let before = glp_get_it_cnt(p)
            rc = cglpk_simplex(p, &parm)
            lane.add(Double(glp_get_it_cnt(p) - before) * stepWork)
        } while rc == GLP_EITLIM && parm.presolve == GLP_OFF && lane.seconds < end && lane.clock.wallRemaining > 0
        return rc
    }

    /// PAIBAN_DEBUG_WORK=1: a solve's wall time beside its work, the data `WorkRate` is fitted on. Nodes are
    /// counted only on a work clock.
    private func traceWork(_ kind: String, since began: Date, iterations: Int32, nodes: Int32) {
        guard traceWorkRates else { return }
        debugLog(String(format: "%@ wall %.4f its %d nodes %d size %d", kind, Date().timeIntervalSince(began), iterations, nodes, rowCount + columnCount + entryCount))
    }

    /// GLPK's time limit on the wall clock: `seconds`, but not past the thread's wall stop.
    private static func milliseconds(_ seconds: Double) -> Int32 { Int32(max(0.001, WallStop.cap(min(seconds, 1e6))) * 1000) }

    /// GLPK's own time limit on a work clock: only the wall's, as a safety (during a solve the thread's wall stop
    /// is the same moment, or later for the last settle).
    private static func wallMilliseconds(_ lane: WorkLane) -> Int32 { milliseconds(lane.clock.wallRemaining) }

    var lpObjective: Double { glp_get_obj_val(p) }

    /// Branch-and-cut on the current bounds and kinds. Needs an optimal LP basis first (presolve is off so
    /// that the injected start solution maps onto the problem's own columns).
    func solveMIP(timeLimit: Double, gap: Double, start: [Double]?, feed: TreeFeed? = nil, cuts: Bool = true) throws -> Outcome {
        let lane = WorkLane.current, end = (lane?.seconds ?? 0) + timeLimit
        guard try solveLP(timeLimit: timeLimit) == .optimal else { return .infeasible }
        // GLPK's cover cuts abort on a problem without integer columns (glp_add_cols: ncs = 0): an LP is its own MIP.
        guard integerColumns > 0 else { return .optimal }
        let meter = lane.map { StartInjector.Meter(lane: $0, base: $0.seconds, end: end, iterations: glp_get_it_cnt(p), stepWork: treeStepWork) }
        let injector = StartInjector(start: start, feed: feed, meter: meter)
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_OFF
        parm.tm_lim = lane.map(Self.wallMilliseconds) ?? Self.milliseconds(max(0.05, timeLimit))
        parm.mip_gap = gap
        // Measured on Examples/callcenter: with GLPK's cut generators on, the neighbourhood MIPs close
        // several times faster (objective 147-167 against 250-330 after 20-30 s); the window sums and
        // one-shift-a-day rows give it cliques and knapsack covers to work with. On the Curtois instances
        // they slow the parts down (Instance7 after 20 s: 1374-1386 without, 1586-1591 with), so the
        // search chooses per part (see NeighbourhoodSearch.CutChoice).
        let cuts = cuts ? GLP_ON : GLP_OFF
        parm.gmi_cuts = cuts
        parm.mir_cuts = cuts
        parm.cov_cuts = cuts
        parm.clq_cuts = cuts
        if start != nil || feed != nil || meter != nil {
            parm.cb_info = Unmanaged.passUnretained(injector).toOpaque()
            parm.cb_func = { tree, info in
                guard let tree, let info else { return }
                let injector = Unmanaged<StartInjector>.fromOpaque(info).takeUnretainedValue()
                injector.callback(tree)
            }
        }
        let began = Date(), iterations = glp_get_it_cnt(p)
        let rc = withExtendedLifetime(injector) { cglpk_intopt(p, &parm) }
        if rc != CGLPK_FATAL {
            injector.count(iterations: glp_get_it_cnt(p))
            traceWork("mip", since: began, iterations: glp_get_it_cnt(p) - iterations, nodes: injector.nodeCount)
        }
        if let feed, glp_mip_status(p) == GLP_OPT { feed.bound = glp_mip_obj_val(p) }
        if rc == CGLPK_FATAL { lost(); throw SolverError.glpkFatal("glp_intopt") }
        switch glp_mip_status(p) {
        case GLP_OPT: return .optimal
        case GLP_FEAS: return .feasible
        case GLP_NOFEAS: return .infeasible
        default: return .noSolution
        }
    }

    var mipObjective: Double { integerColumns > 0 ? glp_mip_obj_val(p) : glp_get_obj_val(p) }
    /// The MIP solution, integer columns rounded (GLPK leaves them within its integrality tolerance).
    var mipValues: [Double] {
        (1...max(1, columnCount)).prefix(columnCount).map { j in
            guard integerColumns > 0 else { return glp_get_col_prim(p, Int32(j)) }
            let value = glp_mip_col_val(p, Int32(j))
            return glp_get_col_kind(p, Int32(j)) == GLP_IV ? value.rounded() : value
        }
    }
    /// Row duals of the last LP: the reduced cost of column j is c_j - sum_i dual_i * a_ij.
    var rowDuals: [Double] { (1...max(1, rowCount)).prefix(rowCount).map { glp_get_row_dual(p, Int32($0)) } }
    var lpValues: [Double] { (1...max(1, columnCount)).prefix(columnCount).map { glp_get_col_prim(p, Int32($0)) } }

    /// Writes the problem in CPLEX LP format under the model's names, made plain (the format allows few
    /// characters) and unique by their number; they are set only here, since a solve does not need them.
    func writeLP(to path: String, names model: LinearModel) {
        func plain(_ name: String, _ k: Int) -> String {
            String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }.prefix(200)) + "_\(k)"
        }
        for (j, column) in model.columns.enumerated() { glp_set_col_name(p, Int32(j + 1), plain(column.name, j + 1)) }
        for (i, row) in model.rows.enumerated() { glp_set_row_name(p, Int32(i + 1), plain(row.name, i + 1)) }
        _ = glp_write_lp(p, nil, path)
    }
}

/// A branch-and-cut on the whole model that runs beside the neighbourhood search: it takes in the search's
/// better rosters as they come (so it prunes with them), stops when told, and keeps the best bound of its
/// open nodes, a lower bound on every roster that is often much stronger than the LP relaxation's.
final class TreeFeed {
    /// A roster better than `than`, if the search has one (0-based column values).
    let better: (_ than: Double) -> (values: [Double], objective: Double)?
    let stop: () -> Bool
    /// The lowest bound among the open nodes, updated as the tree grows; the optimum once proven.
    var bound: Double?
    /// Stop the tree as soon as it finds an integer solution below this (so that the caller can hand it on
    /// at once and go on from it); nil: never.
    var stopBelow: Double?

    init(better: @escaping (Double) -> (values: [Double], objective: Double)?, stop: @escaping () -> Bool) {
        self.better = better
        self.stop = stop
    }
}

/// Carries known rosters into GLPK's branch-and-cut through the callback's info pointer, and on a work
/// clock counts the tree's iterations and nodes into the thread's lane and stops it at its budget.
private final class StartInjector {
    /// 1-based column values, element 0 unused.
    let start: [Double]?
    let feed: TreeFeed?
    struct Meter {
        let lane: WorkLane
        let base: Double, end: Double
        /// The problem's simplex iterations before the tree.
        let iterations: Int32
        let stepWork: Double
    }
    let meter: Meter?
    private var nodes: Int32 = 0
    var nodeCount: Int32 { nodes }
    var done = false
    init(start: [Double]?, feed: TreeFeed?, meter: Meter?) {
        self.start = start.map { [0] + $0 }
        self.feed = feed
        self.meter = meter
    }

    /// Brings the lane up to the work done so far: iterations and nodes, each a step.
    func count(iterations: Int32) {
        guard let meter else { return }
        meter.lane.advance(to: meter.base + Double(Int(iterations - meter.iterations) + Int(nodes)) * meter.stepWork)
    }

    func callback(_ tree: OpaquePointer) {
        if let meter {
            var active: Int32 = 0, alive: Int32 = 0, total: Int32 = 0
            glp_ios_tree_size(tree, &active, &alive, &total)
            nodes = total
            count(iterations: glp_get_it_cnt(glp_ios_get_prob(tree)))
            if meter.lane.seconds >= meter.end || meter.lane.clock.wallRemaining <= 0 { glp_ios_terminate(tree); return }
        }
        if let feed {
            if feed.stop() { glp_ios_terminate(tree); return }
            if let below = feed.stopBelow, glp_ios_reason(tree) == GLP_IBINGO, glp_mip_obj_val(glp_ios_get_prob(tree)) < below {
                glp_ios_terminate(tree)
                return
            }
            let node = glp_ios_best_node(tree)
            if node != 0 { feed.bound = max(feed.bound ?? -.infinity, glp_ios_node_bound(tree, node)) }
        }
        guard glp_ios_reason(tree) == GLP_IHEUR else { return }
        if !done, let start {
            done = true
            _ = start.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
        }
        let prob = glp_ios_get_prob(tree)
        let current = glp_mip_status(prob) == GLP_FEAS ? glp_mip_obj_val(prob) : Double.infinity
        if let feed, let better = feed.better(current) {
            _ = ([0] + better.values).withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
        }
    }
}

/// Counts, per thread, how often the guard has freed GLPK's environment: problems made before that are
/// gone with it and must not be deleted again.
enum GLPKEnvironment {
    static var epoch: Int { Thread.current.threadDictionary["paiban.glpk.epoch"] as? Int ?? 0 }
    static func freed() { Thread.current.threadDictionary["paiban.glpk.epoch"] = epoch + 1 }
}
