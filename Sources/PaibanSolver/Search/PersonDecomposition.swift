import Paiban

/// Which columns and rows of a roster model belong to one person alone. Rows whose assignment columns
/// all belong to one person (one shift a day, runs, hours, weekends, requests...) tie that person's
/// columns together; rows that span people (cover) are the coupling rows. A helper column belongs to
/// the person whose rows it sits in, or to nobody (a cover row's shortfall): then it stays in the master.
/// When some helper ties two people together outside the coupling rows, the model does not decompose.
struct PersonDecomposition {
    /// Person of each column; nil for master columns.
    let columnOwner: [Int?]
    /// Person of each row; nil for coupling and master rows.
    let rowOwner: [Int?]
    /// Columns and rows of each person.
    let columns: [[Int]]
    let rows: [[Int]]
    let masterColumns: [Int]
    let masterRows: [Int]

    init?(model: LinearModel, index: ModelIndex, cells: [(column: Int, person: Int, day: Int, shift: Int)], people: Int) {
        var decisionPerson = [Int?](repeating: nil, count: model.columns.count)
        for cell in cells { decisionPerson[cell.column] = cell.person }
        func entries(_ i: Int) -> [Int] { index.entryRange[i].map { Int(model.entryColumns[$0]) - 1 } }
        // Union-find over columns, joined by every row that is not a coupling row.
        var parent = Array(model.columns.indices)
        func find(_ j: Int) -> Int {
            var j = j
            while parent[j] != j { parent[j] = parent[parent[j]]; j = parent[j] }
            return j
        }
        var coupling = [Bool](repeating: false, count: model.rows.count)
        for i in model.rows.indices {
            let columns = entries(i)
            coupling[i] = Set(columns.compactMap { decisionPerson[$0] }).count > 1
            guard !coupling[i], let first = columns.first else { continue }
            for j in columns.dropFirst() { parent[find(j)] = find(first) }
        }
        var componentPerson: [Int: Int] = [:]
        for j in model.columns.indices {
            guard let p = decisionPerson[j] else { continue }
            let root = find(j)
            if let q = componentPerson[root], q != p { return nil }
            componentPerson[root] = p
        }
        let columnOwner = model.columns.indices.map { componentPerson[find($0)] }
        let rowOwner = model.rows.indices.map { i in coupling[i] ? nil : entries(i).first.flatMap { columnOwner[$0] } }
        self.columnOwner = columnOwner
        self.rowOwner = rowOwner
        var columns = [[Int]](repeating: [], count: people), rows = [[Int]](repeating: [], count: people)
        var masterColumns: [Int] = [], masterRows: [Int] = []
        for j in model.columns.indices { if let p = columnOwner[j] { columns[p].append(j) } else { masterColumns.append(j) } }
        for i in model.rows.indices { if let p = rowOwner[i] { rows[p].append(i) } else { masterRows.append(i) } }
        self.columns = columns
        self.rows = rows
        self.masterColumns = masterColumns
        self.masterRows = masterRows
    }
}
