import Foundation
import FaceChartCore
import FaceChartUI

extension ReviewScreen {
    /// One scorable item: a scale's item, for a region when the scale is scored per region.
    public struct Field: Hashable, Sendable {
        public var scale: OutcomeScale
        public var item: OutcomeScale.Item
        public var region: Region?
    }

    /// One row of the scores table: a treated region with every per-region scale, or one per-visit scale.
    public struct ScoreRow: Hashable, Sendable {
        public var title: String
        public var region: Region?
        public var fields: [Field]
        /// The per-visit scale of the row, whose aggregate is shown after its items.
        public var scale: OutcomeScale?
    }

    /// The rows the review asks, treated regions first (top of the face first), then the per-visit scales.
    public var rows: [ScoreRow] {
        let regional = plan.regionScales
        var rows: [ScoreRow] = []
        if !regional.isEmpty {
            rows += treatedRegions.map { region in
                ScoreRow(title: region.name, region: region, fields: regional.flatMap { scale in
                    scale.items.map { Field(scale: scale, item: $0, region: region) }
                }, scale: nil)
            }
        }
        rows += plan.visitScales.map { scale in
            ScoreRow(title: scale.abbreviation, region: nil, fields: scale.items.map { Field(scale: scale, item: $0, region: nil) }, scale: scale)
        }
        return rows
    }

    /// The field under the cursor.
    public var currentField: Field? {
        guard let row = rows[safe: row] else { return nil }
        return row.fields[safe: min(column, row.fields.count - 1)]
    }

    /// The recorded value of a field.
    public func value(of field: Field) -> Int? {
        review.value(scale: field.scale.key, item: field.item.key, region: field.region)
    }

    /// `rest 1`, `max -`, `sym even`: a field as the table shows it. Values with a few names (symmetry,
    /// Minor's test) and codes (`1+`) show by name, graded scores as numbers.
    public func cellText(_ field: Field) -> String {
        let item = field.item
        let named = item.isTypedByLabel || (1...3).contains(item.labels?.count ?? 0)
        return "\(item.short) " + (value(of: field).map { named ? item.text(for: $0) : item.typedForms(of: $0).last! } ?? "-")
    }

    // MARK: Moving and typing

    mutating func moveRow(by step: Int) {
        entry = ""
        row = min(max(0, rows.count - 1), max(0, row + step))
        column = min(column, max(0, (rows[safe: row]?.fields.count ?? 1) - 1))
    }

    mutating func moveColumn(by step: Int) {
        entry = ""
        column = min(max(0, (rows[safe: row]?.fields.count ?? 1) - 1), max(0, column + step))
    }

    /// Adds a typed character; a value that nothing longer could extend is kept at once.
    mutating func type(_ character: Character) -> ScreenResult {
        guard let field = currentField else {
            message = .warning("Nothing to score here.")
            return .none
        }
        let text = entry + String(character)
        switch field.item.entry(text) {
        case .complete(let value):
            entry = ""
            return score(value)
        case .partial:
            entry = text
            message = StatusMessage("\(field.item.name): \(text)_ (Enter keeps it)")
        case .invalid:
            entry = ""
            message = .error("\(field.scale.abbreviation) \(field.item.name): \(rangeText(field.item)).")
        }
        return .none
    }

    /// Keeps a partly typed value (Enter), or says why it cannot be kept.
    mutating func commitEntry() -> ScreenResult {
        guard let field = currentField else { return .none }
        let text = entry
        entry = ""
        if case .partial(let value?) = field.item.entry(text) { return score(value) }
        message = .error("\(field.scale.abbreviation) \(field.item.name): \(rangeText(field.item)).")
        return .none
    }

    /// Records a typed value and moves on to the next item: the next of the row, else the first of the
    /// next row, so that a row of scores is typed without moving.
    private mutating func score(_ value: Int) -> ScreenResult {
        let result = setCurrent(value)
        let count = rows[safe: row]?.fields.count ?? 0
        if column < count - 1 {
            column += 1
        } else if row < rows.count - 1 {
            row += 1
            column = 0
        }
        return result
    }

    /// `0-3`, or the values in words: what an item accepts.
    func rangeText(_ item: OutcomeScale.Item) -> String {
        if let prompt = item.prompt { return prompt }
        if item.isTypedByLabel, let labels = item.labels { return labels.joined(separator: ", ") }
        return "\(item.text(for: item.values.lowerBound)) to \(item.text(for: item.values.upperBound))"
    }

    /// Space steps a named value (symmetry, Minor's test) through its values and back to empty.
    mutating func cycleValue() -> ScreenResult {
        guard let field = currentField, field.item.labels != nil, !field.item.isTypedByLabel else {
            message = StatusMessage("Type the value; Space cycles named values only.")
            return .none
        }
        let values = field.item.values
        let next = value(of: field).map { $0 < values.upperBound ? $0 + 1 : nil } ?? values.lowerBound
        return setCurrent(next)
    }

    /// Records or clears the current field and saves the review.
    mutating func setCurrent(_ value: Int?) -> ScreenResult {
        guard let field = currentField else {
            message = .warning("Nothing to score here.")
            return .none
        }
        review.setValue(value, scale: field.scale.key, item: field.item.key, region: field.region)
        if let value {
            var text = "\(field.scale.abbreviation) \(field.item.name): \(field.item.display(value))"
            let values = review.scaleScores.values(of: field.scale.key, region: field.region)
            if field.scale.aggregate != nil, let total = field.scale.aggregateValue(values) {
                text += " · \(field.scale.aggregate!.short) \(OutcomeScale.format(total))"
            }
            if let primary = field.scale.primaryValue(values), let band = field.scale.band(for: primary) { text += " (\(band.label))" }
            message = StatusMessage(text)
        }
        return ScreenResult(effects: [.saveReview(review)])
    }

    // MARK: Notes

    mutating func startNote() {
        let region = rows[safe: row]?.region
        let text = region.map { review.outcome(for: $0)?.note ?? "" } ?? review.notes
        focus = .editingNote(Prompt("Note: ", hint: "Enter keep · Esc cancel", text: text, maximumLength: 200))
    }

    /// Keeps the edited note on the current region, or on the review for per-visit rows.
    mutating func saveNote(_ text: String) -> ScreenResult {
        let note = text.trimmingCharacters(in: .whitespaces)
        if let region = rows[safe: row]?.region {
            var outcome = review.outcome(for: region) ?? RegionOutcome(region: region)
            outcome.note = note
            review.outcomes.removeAll { $0.region == region }
            if !outcome.isEmpty { review.outcomes.append(outcome) }
            review.outcomes.sort { Region.allCases.firstIndex(of: $0.region)! < Region.allCases.firstIndex(of: $1.region)! }
        } else {
            review.notes = note
        }
        return ScreenResult(effects: [.saveReview(review)])
    }
}
