import FaceChartCore
import Foundation

extension RecordSheet {
    func overrides() -> String? {
        let items = session.overrides.map { entry in
            "<li><strong>\(HTML.escape(entry.rule))</strong> overridden \(HTML.escape(LocalTime.minute(entry.at, fallback: timeZone)))"
                + " by \(HTML.escape(entry.by?.description ?? "(not recorded)")): \(HTML.escape(entry.reason))</li>"
        }
        return "<h2>Safety overrides</h2>" + (items.isEmpty ? "<p>None.</p>" : "<ul>\(items.joined())</ul>")
    }

    func notes() -> String? {
        session.notes.isEmpty ? nil : "<h2>Notes</h2><p class=\"text\">\(HTML.escape(session.notes))</p>"
    }

    func review() -> String? {
        guard let review = record.review else { return nil }
        var parts = ["<h2>Review</h2><p>\(HTML.escape("Reviewed \(LocalTime.minute(review.updatedAt, fallback: timeZone)) by \(review.clinician.description)"))</p>"]
        let outcomes = review.outcomes.filter { !$0.isEmpty }
        if !outcomes.isEmpty {
            var rows = [HTML.row(["Region", "Wrinkles at rest", "At maximum", "Symmetry", "Satisfaction", "Note"], header: true)]
            for outcome in outcomes {
                rows.append(HTML.row([
                    outcome.region.name, outcome.wrinklesAtRest.map { "\($0) of 3" } ?? "", outcome.wrinklesAtMaximum.map { "\($0) of 3" } ?? "",
                    outcome.symmetry?.label ?? "", outcome.satisfaction.map { "\($0) of 5" } ?? "", outcome.note,
                ]))
            }
            parts.append("<table class=\"grid\">" + rows.joined() + "</table>")
        }
        let scores = record.reviewScoreSummaries.map { "<li>\(HTML.escape($0))</li>" }
        if !scores.isEmpty { parts.append("<p><strong>Scores:</strong></p><ul>\(scores.joined())</ul>") }
        let effects = review.sideEffects.map { "<li>\(HTML.escape($0.summary))</li>" }
        parts.append("<p><strong>Side effects:</strong> " + (effects.isEmpty ? "none recorded.</p>" : "</p><ul>\(effects.joined())</ul>"))
        for text in [review.sideEffectNotes, review.notes] where !text.isEmpty {
            parts.append("<p class=\"text\">\(HTML.escape(text))</p>")
        }
        return parts.joined()
    }

    func signature() -> String? {
        switch session.status {
        case .draft:
            return "<h2>Signature</h2><p class=\"warning\">Not signed: this is a draft.</p>"
        case .voided(let voiding):
            return "<h2>Voided</h2><p class=\"warning\">\(HTML.escape("Voided \(LocalTime.minute(voiding.at, fallback: timeZone)) by \(voiding.by.description): \(voiding.reason)"))</p>"
        case .signed(let signature):
            var text = "<h2>Signature</h2><p>\(HTML.escape("Signed by \(signature.signer.description) on \(LocalTime.minute(signature.signedAt, fallback: timeZone)): \(signature.meaning)"))</p>"
                + "<p class=\"digest\">\(HTML.escape("\(signature.digest.algorithm) \(signature.digest.value)"))</p>"
            if !session.signatureIsIntact {
                text += "<p class=\"warning\">The record no longer matches its signature: it was changed after signing.</p>"
            }
            return text
        }
    }

    func addenda() -> String? {
        guard !session.addenda.isEmpty else { return nil }
        let items = session.addenda.map { addendum in
            "<li><p class=\"byline\">\(HTML.escape("\(LocalTime.minute(addendum.writtenAt, fallback: timeZone)) · \(addendum.author.description)"))</p>"
                + "<p class=\"text\">\(HTML.escape(addendum.text))</p></li>"
        }
        return "<h2>Addenda</h2><ol class=\"addenda\">\(items.joined())</ol>"
    }
}
