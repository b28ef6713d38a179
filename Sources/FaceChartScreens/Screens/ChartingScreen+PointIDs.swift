import FaceChartCore

extension ChartingScreen {
    /// The points with every repeated id after the first replaced by an unused one derived from it.
    static func withUniqueIDs(_ points: [InjectionPoint]) -> (points: [InjectionPoint], renamed: Int) {
        var used = Set(points.map(\.id)), seen = Set<RecordID>(), renamed = 0
        var result = points
        for index in result.indices where !seen.insert(result[index].id).inserted {
            var counter = 2
            var fresh: RecordID
            repeat {
                fresh = RecordID(String(result[index].id.rawValue.prefix(56)) + "-\(counter)")!
                counter += 1
            } while used.contains(fresh)
            used.insert(fresh)
            result[index].id = fresh
            renamed += 1
        }
        return (result, renamed)
    }
}
