import FaceChartCore
import Foundation

/// A printed record as one self-contained HTML file: the clinician's record sheet, the patient's
/// aftercare sheet, or both, laid out for A4 or Letter, with the record id and page numbers on every page.
public struct PrintedRecord {
    /// Which pages to print.
    public enum Sheets: String, CaseIterable, Sendable {
        case record, aftercare, both

        var includesRecord: Bool { self != .aftercare }
        var includesAftercare: Bool { self != .record }
    }

    /// The paper size.
    public enum Paper: String, CaseIterable, Sendable {
        case a4, letter

        /// The CSS page size keyword.
        var cssSize: String { self == .a4 ? "A4" : "letter" }
        /// Width and height in CSS pixels (96 per inch).
        public var pixels: (width: Int, height: Int) { self == .a4 ? (794, 1123) : (816, 1056) }
    }

    public var record: SessionRecord
    public var views: [ViewKind: FaceView]
    public var clinic: ClinicSettings
    public var template: AftercareTemplate
    public var words: AreaWords
    public var productName: (String) -> String
    /// For times written without an offset (format 1) only.
    public var timeZone: TimeZone

    public init(
        record: SessionRecord, views: [ViewKind: FaceView], clinic: ClinicSettings, template: AftercareTemplate,
        words: AreaWords, productName: @escaping (String) -> String, timeZone: TimeZone
    ) {
        self.record = record
        self.views = views
        self.clinic = clinic
        self.template = template
        self.words = words
        self.productName = productName
        self.timeZone = timeZone
    }

    /// The whole document.
    public func html(sheets: Sheets = .both, paper: Paper = .a4) -> String {
        var body: [String] = []
        if sheets.includesRecord {
            let sheet = RecordSheet(record: record, views: views, clinic: clinic, productName: productName, timeZone: timeZone)
            body.append("<section class=\"sheet record\">\n\(sheet.html())\n</section>")
        }
        if sheets.includesAftercare {
            let values = AftercareValues(record: record, clinic: clinic, words: words, productName: productName, timeZone: timeZone)
            body.append("<section class=\"sheet aftercare\">\n\(template.render(values.values))\n</section>")
        }
        let title = "\(sheets == .aftercare ? "Aftercare" : "Treatment record") \(record.session.day(in: timeZone)), \(record.patient.name)"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="FaceChart">
            <title>\(HTML.escape(title))</title>
            <style>
            \(PrintStyle.css(paper: paper, recordID: record.session.id.rawValue))
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}

extension PrintedRecord {
    /// The window a picture of the pages needs: the paper's width, and each sheet at least a page tall
    /// (the record sheet taller when its content runs on), estimated from what it holds.
    public func screenSize(sheets: Sheets, paper: Paper) -> (width: Int, height: Int) {
        let page = paper.pixels
        var height = 0
        if sheets.includesRecord { height += max(page.height, recordSheetEstimate() + 104) + 16 }
        if sheets.includesAftercare { height += page.height + 16 }
        return (page.width, height)
    }

    /// A generous estimate of the record sheet's content height in CSS pixels.
    private func recordSheetEstimate() -> Int {
        let session = record.session
        let row = 20
        func textHeight(_ text: String) -> Int { (text.count / 100 + 1 + text.filter { $0 == "\n" }.count) * 17 }
        var height = 90 + 380  // the header, then the drawing with the facts and legend beside it
        height += 40 + (session.vials.count + 1) * row
        height += 40 + (session.points.count + 1) * row + session.points.map { textHeight($0.note) - 17 }.reduce(0, +)
        height += record.totals.map { 40 + ($0.regions.count + 2) * row }.reduce(0, +)
        height += 40 + session.overrides.map { textHeight($0.reason) }.reduce(0, +)
        height += session.notes.isEmpty ? 0 : 40 + textHeight(session.notes)
        if let review = record.review {
            height += 80 + (review.outcomes.count + 1) * row + review.sideEffects.count * row
            height += textHeight(review.notes) + textHeight(review.sideEffectNotes)
        }
        height += 100 + session.addenda.map { 30 + textHeight($0.text) }.reduce(0, +)
        return height
    }
}
