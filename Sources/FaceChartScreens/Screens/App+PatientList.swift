import FaceChartCore

/// The patient list's rows come a page at a time from the repository (the practice's index): the app
/// fetches what the screen asks for after every event.
extension App {
    /// Says on the patient list whether its rows are being checked against the records.
    public mutating func setListChecking(_ checking: Bool) {
        guard case .patients(var list) = stack.first else { return }
        list.isChecking = checking
        stack[0] = .patients(list)
    }

    /// Reads the patient list's rows again (after the index was brought up to date, say).
    public mutating func reloadList() {
        guard case .patients(var list) = stack.first else { return }
        list.invalidate()
        stack[0] = .patients(list)
        loadListPage()
    }

    /// Fetches the patient list's rows the screen needs, if it is on top and lacks them.
    mutating func loadListPage() {
        guard case .patients(var list) = stack.last, let wanted = list.pageWanted(height: size.height) else { return }
        do {
            list.show(try repository.listPage(filter: wanted.filter, range: wanted.range))
        } catch {
            list.message = .error(error.message)
        }
        stack[stack.count - 1] = .patients(list)
    }

    /// The list as it opens: its first page and the records that cannot be read.
    func loadList() -> PatientListScreen {
        let empty = PatientListPage(filter: "", offset: 0, rows: [], total: 0)
        do {
            let page = try repository.listPage(filter: "", range: 0..<max(1, 2 * (size.height - 6)))
            let problem = page.problems.first.map {
                StatusMessage.warning("\(page.problems.count) patient record\(page.problems.count == 1 ? "" : "s") cannot be read: \($0)")
            }
            return PatientListScreen(page: page, message: problem)
        } catch {
            return PatientListScreen(page: empty, message: .error(error.message))
        }
    }
}
