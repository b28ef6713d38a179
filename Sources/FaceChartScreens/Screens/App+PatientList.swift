import FaceChartCore

/// The patient list's rows come a page at a time from the repository (the practice's index): after each
/// event the app asks for the page the list needs, as a command.
extension App {
    /// The rows the list asks for, when it is on top and lacks them.
    mutating func listPageWanted() -> [AppCommand] {
        guard case .patients(let list) = top, let wanted = list.pageWanted(height: size.height) else { return [] }
        return [.readListPage(filter: wanted.filter, range: wanted.range)]
    }

    /// The first page, as the list opens.
    var firstListPage: AppCommand { .readListPage(filter: "", range: 0..<max(1, 2 * (size.height - 6))) }

    /// A page arrived: shown, the selection back on the patient just left, records that cannot be read named.
    mutating func listPageRead(_ page: PatientListPage) -> [AppCommand] {
        let reselect = listReselect
        updateList { list in
            list.show(page)
            if let reselect { list.select(reselect) }
            if page.filter.isEmpty, let first = page.problems.first {
                list.message = .warning("\(page.problems.count) patient record\(page.problems.count == 1 ? "" : "s") cannot be read: \(first)")
            }
        }
        listReselect = nil
        return listPageWanted()
    }

    /// The list's rows may have changed (a save, another program, the index checked): read again when shown,
    /// the selection staying on the same patient wherever their row moves.
    mutating func listIsOutOfDate() -> [AppCommand] {
        if listReselect == nil, case .patients(let list) = stack.first { listReselect = list.selectedItem?.id }
        updateList { $0.invalidate() }
        return listPageWanted()
    }

    /// Applies `change` to the patient list at the foot of the stack.
    mutating func updateList(_ change: (inout PatientListScreen) -> Void) {
        guard case .patients(var list) = stack.first else { return }
        change(&list)
        stack[0] = .patients(list)
    }

    /// The index is being checked against every folder, or has been: said on the list, then read again.
    mutating func indexCheck(running: Bool, problem: String? = nil) -> [AppCommand] {
        updateList { $0.isChecking = running }
        if let problem { alert = .warning(problem) }
        return running ? [] : listIsOutOfDate()
    }
}
