/// The clinical data the safety checks, the pen and the pattern picker work from: products, indications
/// and limits, loaded together.
public struct ClinicalRules: Hashable, Sendable {
    public var products: ProductCatalogue
    public var indications: IndicationCatalogue
    public var limits: LimitCatalogue

    public init(products: ProductCatalogue, indications: IndicationCatalogue, limits: LimitCatalogue) {
        self.products = products
        self.indications = indications
        self.limits = limits
    }

    /// The active ingredient of a product key; a key the catalogue does not know is its own ingredient, so
    /// no other product's figure is ever applied to it.
    public func ingredient(of productKey: String) -> String { products.product(productKey)?.ingredient ?? productKey }

    /// The scale a vial's units are on, as the record states it.
    public func ingredient(of vial: Vial) -> String { vial.ingredient.isEmpty ? ingredient(of: vial.product) : vial.ingredient }

    /// The key of a session's indication: the one it records, or, when that is only `other-aesthetic` or
    /// `other-medical`, the one its concern's words name.
    public func indicationKey(of session: Session) -> String { indications.key(of: session.indication) }

    /// The shortest interval after a full treatment before the next one of the same indication.
    public func minimumInterval(after session: Session) -> IndicationCatalogue.MinimumInterval {
        indications.minimumInterval(forIndication: indicationKey(of: session), ingredient: ingredient(of: session.primaryVial))
    }

    /// How doses written in `from` units would read in `to` units, by a published off-label conversion,
    /// taking the end of the ratio that gives the lower dose. `nil` when no figures are published.
    public func conversion(from: String, to: String) -> UnitConversion? {
        for conversion in products.conversions {
            guard let range = conversion.productUnitsPerReferenceUnit else { continue }
            let productIngredient = ingredient(of: conversion.product)
            let referenceIngredients = Set(conversion.reference.map(ingredient(of:)))
            if productIngredient == from, referenceIngredients.contains(to) {
                return UnitConversion(conversion: conversion, factor: 1 / range.upperBound, ratioUsed: range.upperBound)
            }
            if productIngredient == to, referenceIngredients.contains(from) {
                return UnitConversion(conversion: conversion, factor: range.lowerBound, ratioUsed: range.lowerBound)
            }
        }
        return nil
    }
}

/// A published conversion chosen for one direction: the factor doses are multiplied by.
public struct UnitConversion: Hashable, Sendable {
    public var conversion: ProductConversion
    /// Units of the target ingredient per unit written.
    public var factor: Double
    /// The end of the published ratio used (the one giving the lower dose).
    public var ratioUsed: Double
}
