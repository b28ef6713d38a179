import FaceChartCore
import FaceChartUI
import Foundation

/// A pattern written in another ingredient's units, converted by a published off-label ratio and shown
/// before it lands: nothing is applied until the clinician presses `c`.
public struct PatternConversion: Hashable, Sendable {
    public var pattern: TreatmentPattern
    public var sides: PatternSides
    /// The picker's scale, before the conversion.
    public var scale: Double
    /// The ingredient the pattern is written in, and the session's.
    public var from: String
    public var to: String
    public var conversion: UnitConversion

    /// The scale the sites are applied at: the picker's, times the conversion.
    public var appliedScale: Double { scale * conversion.factor }

    /// The lines the overlay shows: what is crossed, the ratio and its source, the scale and the result.
    public func lines(points: [InjectionPoint]) -> [String] {
        let written = pattern.points(sides: sides, scale: scale) { RecordID("preview")! }.map(\.units).total()
        let converted = points.map(\.units).total()
        let ratio = conversion.conversion
        return [
            "\(pattern.name) is written in \(from) units; this session's vial is \(to). Units are not interchangeable.",
            "Off-label conversion, never a label dose: \(ratio.ratio) (\(ratio.source.grade.letter): \(ratio.source.reference)).",
            "Using \(Format.trimmed(conversion.ratioUsed)) : 1, the end that gives the lower dose: scale x\(Format.trimmed((appliedScale * 100).rounded() / 100)).",
            "\(points.count) sites: \(written) U of \(from) become \(converted) U of \(to) (each site rounded to 0.5 U).",
            "c converts and applies it (recorded with this reason) · any other key cancels",
        ]
    }

    /// The reason recorded with the choice.
    public var reason: String {
        let ratio = conversion.conversion
        return "Applied \(pattern.name) (written in \(from)) to \(to) at x\(Format.trimmed((appliedScale * 100).rounded() / 100)) "
            + "by \(ratio.ratio), using \(Format.trimmed(conversion.ratioUsed)) : 1 (off-label guidance, \(ratio.source.grade.letter): "
            + "\(ratio.source.reference))"
    }
}

extension ChartingScreen {
    /// A pattern in the session's ingredient is applied; one in another ingredient's units is shown converted
    /// (when a conversion is published) and waits for `c`, else it is refused.
    mutating func apply(_ pattern: TreatmentPattern, sides: PatternSides, scale: Double, environment: ScreenEnvironment) -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        let rules = environment.rules
        let target = ingredient(environment: environment)
        let written = pattern.products.map(rules.ingredient(of:))
        if written.contains(target) {
            return place(pattern.points(sides: sides, scale: scale) { environment.makeID() }, of: pattern, environment: environment)
        }
        let names = pattern.products.map(environment.productName).joined(separator: "/")
        guard let from = written.first(where: { rules.conversion(from: $0, to: target) != nil }),
              let conversion = rules.conversion(from: from, to: target)
        else {
            message = .error("Refused: \(pattern.name) is written in \(names) units (\(written.joined(separator: ", "))) and no "
                + "published conversion to \(target) is on file. Units are not interchangeable.")
            return []
        }
        mode = .convertingPattern(PatternConversion(
            pattern: pattern, sides: sides, scale: scale, from: from, to: target, conversion: conversion))
        return []
    }

    /// `c` on a shown conversion: the converted points land in one undo step and the choice is recorded.
    mutating func applyConverted(_ pending: PatternConversion, environment: ScreenEnvironment) -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        guard !isBlocked(environment: environment) else { return [] }
        let points = pending.pattern.points(sides: pending.sides, scale: pending.appliedScale) { environment.makeID() }
        guard !points.isEmpty else {
            message = .warning("That pattern has no sites on that side.")
            return []
        }
        do throws(SafetyOverrideError) {
            session = try session.overriding(
                rule: SafetyRule.crossProduct(pattern: pending.pattern.key), reason: pending.reason, at: environment.timestamp,
                by: environment.user)
        } catch {
            message = .error(error.message)
            return []
        }
        let effects = place(points, of: pending.pattern, environment: environment)
        message = .warning("Converted \(pending.pattern.name) to \(pending.to) at x\(Format.trimmed((pending.appliedScale * 100).rounded() / 100)) "
            + "(off-label guidance; recorded): check every dose.")
        return effects
    }

    /// The points of a pattern as one undo step; the cursor moves to the first.
    private mutating func place(_ points: [InjectionPoint], of pattern: TreatmentPattern, environment: ScreenEnvironment) -> [Effect] {
        guard !isBlocked(environment: environment) else { return [] }
        let points = points.map { point in
            var drawn = point
            drawn.vial = currentVial
            return drawn
        }
        guard let first = points.first else {
            message = .warning("That pattern has no sites on that side.")
            return []
        }
        let total = points.map(\.units).total()
        let effects = change("Applied \(pattern.name): \(points.count) points, \(Format.units(total)). Edit any point: Tab, + -, x.") { list in
            list.append(contentsOf: points)
        } select: { _ in first.id }
        view = first.view
        if let faceView = views[first.view] {
            let (column, row) = faceView.cellCoordinates(of: first.position)
            cursors[first.view] = GridCell(column: column, row: row)
        }
        if pattern.grade.needsJudgement, !effects.isEmpty {
            message = .warning("Applied \(pattern.name): \(pattern.grade.note) (\(pattern.grade.letter)).")
        }
        return effects
    }
}
