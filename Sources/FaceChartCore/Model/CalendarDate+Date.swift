import Foundation

extension CalendarDate {
    /// The calendar day that `date` falls on in `timeZone`.
    public init(_ date: Date, timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(daysSinceEpoch: CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)?.daysSinceEpoch
            ?? Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
