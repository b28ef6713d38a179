/// The printed record's style sheet: page size and margins, the record id and page numbers in the
/// page margins, and a plain, legible layout that holds on paper and on screen.
enum PrintStyle {
    /// `recordID` is a record identifier (`A-Z a-z 0-9 _ -` only), safe inside a CSS string.
    static func css(paper: PrintedRecord.Paper, recordID: String) -> String {
        """
        @page {
          size: \(paper.cssSize);
          margin: 14mm 13mm 16mm 13mm;
          @bottom-left { content: "FaceChart record \(recordID)"; font: 8pt sans-serif; color: #555; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; }
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; font: 9pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; }
        .sheet + .sheet { break-before: page; }
        @media screen {
          body { background: #e8e8e8; }
          .sheet { width: \(paper.pixels.width)px; min-height: \(paper.pixels.height)px; margin: 0 auto 16px; padding: 52px 48px;
                   background: #fff; }
        }
        h1 { font-size: 16pt; margin: 0 0 2px; }
        h2 { font-size: 11pt; margin: 10px 0 4px; border-bottom: 1px solid #bbb; break-after: avoid; }
        p { margin: 3px 0; }
        .sheet-head { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #333;
                      margin-bottom: 6px; }
        .lede { font-size: 10.5pt; }
        .clinic-name { font-weight: bold; text-align: right; margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 1.5px 5px; }
        .facts th { width: 28%; color: #444; font-weight: normal; }
        .grid th { background: #eee; border-bottom: 1px solid #999; }
        .grid td { border-bottom: 1px solid #ddd; }
        .grid tr { break-inside: avoid; }
        .num { text-align: right; white-space: nowrap; }
        .top { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: flex-start; }
        .top .about { flex: 1 1 88mm; }
        .chart { display: flex; gap: 10px; }
        figure { margin: 2px 0 0; width: 84mm; }
        figcaption { text-align: center; font-size: 8.5pt; color: #444; }
        svg.face { width: 100%; height: auto; display: block; }
        svg.face .art text { font: 15px "DejaVu Sans Mono", "Liberation Mono", monospace; fill: #7a7a7a; text-anchor: middle; }
        svg.face .sides text { font: bold 12px sans-serif; fill: #222; }
        svg.face .sides line { stroke: #999; stroke-dasharray: 2 2; }
        svg.face .marker circle { stroke: #fff; stroke-width: 1.5; }
        svg.face .marker .number { font: bold 10px sans-serif; fill: #fff; text-anchor: middle; }
        svg.face .marker .units { font: bold 11px sans-serif; fill: #111; }
        svg.face .marker rect { fill: #fff; fill-opacity: 0.85; }
        .legend { font-size: 8.5pt; color: #333; }
        .legend span { margin-right: 10px; white-space: nowrap; }
        .legend i { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 3px; vertical-align: -1px; }
        .text { white-space: pre-wrap; overflow-wrap: break-word; }
        .digest { font: 7.5pt monospace; color: #555; overflow-wrap: anywhere; }
        .warning { color: #a00; font-weight: bold; }
        .byline { color: #444; font-size: 8.5pt; }
        ol.addenda li { margin-bottom: 4px; }
        td, th, p, li { overflow-wrap: break-word; }
        .points td:last-child { width: 30%; }
        .aftercare { font-size: 11pt; }
        .aftercare .note { color: #555; font-size: 9pt; }
        .aftercare .warning { border: 2px solid #a00; padding: 4px 10px; margin-top: 10px; color: #111; font-weight: normal; }
        .aftercare .warning h2 { color: #a00; border: 0; }
        .aftercare .record { color: #555; font-size: 8.5pt; margin-top: 12px; }
        """
    }
}
