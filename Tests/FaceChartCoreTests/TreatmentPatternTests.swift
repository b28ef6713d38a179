import Foundation
import FaceChartAssets
import FaceChartCore
import Testing

@Suite("Treatment patterns")
struct TreatmentPatternTests {
    let library: PatternLibrary
    let views: [ViewKind: FaceView]
    let catalogue: ProductCatalogue

    init() throws {
        library = try BundledAssets.patternLibrary()
        var views: [ViewKind: FaceView] = [:]
        for kind in ViewKind.allCases { views[kind] = try BundledAssets.faceView(kind) }
        self.views = views
        catalogue = try BundledAssets.productCatalogue()
    }

    func counter() -> () -> RecordID {
        var next = 0
        return {
            next += 1
            return RecordID("p\(next)")!
        }
    }

    @Test func requiredPatternsArePresent() {
        let keys = Set(library.patterns.map(\.key))
        for key in [
            "glabellar-botox-cosmetic", "glabellar-dysport", "glabellar-jeuveau-letybo", "glabellar-daxxify",
            "lateral-canthal-botox-cosmetic", "forehead-botox-cosmetic", "platysma-26", "platysma-31", "platysma-36",
            "masseter", "bunny-lines", "gummy-smile", "lip-flip", "dao", "mentalis", "chronic-migraine-preempt",
            "blepharospasm-botox", "cervical-dystonia-established", "sialorrhea-xeomin", "hemifacial-spasm-botox",
            "axillary-hyperhidrosis-botox", "bruxism-masseter-temporalis", "brow-asymmetry-brow-tail",
            "brow-asymmetry-frontalis",
        ] {
            #expect(keys.contains(key), "\(key)")
        }
    }

    @Test func everyPatternAddsUpAndNamesKnownProducts() {
        for pattern in library.patterns {
            #expect(pattern.problem == nil, "\(pattern.key): \(pattern.problem ?? "")")
            #expect(pattern.sitesTotal == pattern.totalUnits, "\(pattern.key)")
            #expect(pattern.sites.count == pattern.siteCount, "\(pattern.key)")
            #expect(!pattern.source.reference.isEmpty)
            for product in pattern.products { #expect(catalogue.product(product) != nil, "\(pattern.key): \(product)") }
        }
    }

    @Test func labelledTotals() throws {
        let expected: [String: (Int, Int)] = [
            "glabellar-botox-cosmetic": (20, 5), "glabellar-dysport": (50, 5), "glabellar-jeuveau-letybo": (20, 5),
            "glabellar-daxxify": (40, 5), "lateral-canthal-botox-cosmetic": (24, 6), "forehead-botox-cosmetic": (20, 5),
            "platysma-26": (26, 12), "platysma-31": (31, 14), "platysma-36": (36, 16), "sialorrhea-xeomin": (100, 4),
            "chronic-migraine-preempt": (155, 31), "axillary-hyperhidrosis-botox": (100, 20),
        ]
        for (key, (units, sites)) in expected {
            let pattern = try #require(library.pattern(key))
            #expect(pattern.totalUnits == Units(units) && pattern.siteCount == sites, "\(key)")
        }
        #expect(library.pattern("masseter")?.grade == .web)
        #expect(library.pattern("mentalis")?.grade == .unconfirmed)
        #expect(library.pattern("chronic-migraine-preempt")?.grade == .label, "the per-muscle split is the label's table")
        #expect(library.pattern("forehead-botox-cosmetic")?.grade == .web, "the two-row placement is W")
        #expect(library.pattern("glabellar-dysport")?.grade == .label)
    }

    /// Every site lands on its own region, on the side it claims, and outside every danger zone.
    @Test func sitesLandOnTheirRegionAndSide() throws {
        for pattern in library.patterns {
            for site in pattern.sites {
                let view = try #require(views[site.view])
                let cell = view.cell(at: site.position)
                let place = "\(pattern.key) \(site.region) at \(site.x),\(site.y)"
                #expect(cell.region == site.region, "\(place) is over \(String(describing: cell.region))")
                #expect(cell.side == site.side, "\(place) is on the \(cell.side) side")
                #expect(cell.danger == nil, "\(place) is in \(String(describing: cell.danger))")
                let (column, row) = view.cellCoordinates(of: site.position)
                let centre = view.position(column: column, row: row)
                #expect(abs(centre.x - site.x) < 1e-4 && abs(centre.y - site.y) < 1e-4, "\(place) is a cell centre")
            }
        }
    }

    @Test func preemptSplitsByMuscleOnBothViews() throws {
        let pattern = try #require(library.pattern("chronic-migraine-preempt"))
        #expect(pattern.totalUnits == Units(155) && pattern.sites.count == 31)
        #expect(pattern.sites.allSatisfy { $0.units == Units(5) })
        let summary = DoseSummary(points: pattern.points(makeID: counter()))
        let split: [Region: (Int, Int)] = [
            .procerus: (5, 1), .corrugator: (10, 2), .frontalis: (20, 4), .temporalis: (40, 8),
            .occipitalis: (30, 6), .cervicalParaspinal: (20, 4), .trapezius: (30, 6),
        ]
        for (region, (units, count)) in split {
            let total = try #require(summary.regions.first { $0.region == region }, "\(region)")
            #expect(total.total == Units(units) && total.points == count, "\(region)")
        }
        #expect(Set(pattern.sites.map(\.view)) == [.anterior, .posterior])
        #expect(summary.asymmetry == .zero)
    }

    @Test func blepharospasmNeverTouchesTheMedialLowerLid() throws {
        let pattern = try #require(library.pattern("blepharospasm-botox"))
        let anterior = try #require(views[.anterior])
        #expect(pattern.sites.allSatisfy { $0.units == Units(hundredths: 250) })
        for site in pattern.sites {
            #expect(anterior.cell(at: site.position).danger != .medialLowerLid)
            #expect(site.region == .orbicularisOculiPretarsal)
        }
    }

    @Test func cervicalDystoniaRespectsCaps() throws {
        let pattern = try #require(library.pattern("cervical-dystonia-established"))
        let summary = DoseSummary(points: pattern.points(makeID: counter()))
        #expect(summary.units(in: .sternocleidomastoid) <= Units(100))
        #expect(pattern.sites.allSatisfy { $0.units <= Units(50) })
        #expect(Set(pattern.sites.map(\.region)) == [.sternocleidomastoid, .spleniusCapitis, .trapezius])
        #expect(pattern.name.contains("reference map for established patients"))
        #expect(pattern.note?.contains("toxin-naive patients lower") == true)
    }

    @Test func crowsFeetAreIntramuscularAndAtLeastOneCentimetreOutsideTheRim() throws {
        let pattern = try #require(library.pattern("lateral-canthal-botox-cosmetic"))
        let anterior = try #require(views[.anterior])
        for site in pattern.sites {
            #expect(site.depth == .intramuscular)
            let (column, _) = anterior.cellCoordinates(of: site.position)
            // The lateral orbital rim is drawn at column 11 (and 29): two cells (about 1 cm) out is column 9 (31).
            #expect(column == 9 || column == 31)
            #expect(anterior.cell(at: site.position).danger == nil)
        }
    }

    @Test func foreheadSitesSitInTwoRowsWellAboveTheBrow() throws {
        let pattern = try #require(library.pattern("forehead-botox-cosmetic"))
        let anterior = try #require(views[.anterior])
        let rows = pattern.sites.map { anterior.cellCoordinates(of: $0.position).row }
        #expect(Set(rows).count == 2)
        // The brow is row 5 (0-based); each row is about 1.3 cm, so the lower row (3) is about 2.6 cm above it.
        let browRow = 5
        #expect(rows.allSatisfy { browRow - $0 >= 2 })
    }

    @Test func sialorrheaPerGland() throws {
        let pattern = try #require(library.pattern("sialorrhea-xeomin"))
        let summary = DoseSummary(points: pattern.points(makeID: counter()))
        let parotid = try #require(summary.regions.first { $0.region == .parotid })
        #expect(parotid.right == Units(30) && parotid.left == Units(30))
        let submandibular = try #require(summary.regions.first { $0.region == .submandibular })
        #expect(submandibular.right == Units(20) && submandibular.left == Units(20))
        #expect(pattern.products == ["xeomin"])
        #expect(pattern.sites.allSatisfy { $0.depth == .intraglandular })
        let anterior = try #require(views[.anterior])
        // Parotid sites sit in front of the ear at earlobe height (the lobe is drawn on row 8, 0-based).
        for site in pattern.sites where site.region == .parotid {
            #expect(anterior.cellCoordinates(of: site.position).row == 8)
        }
    }

    @Test func scalingRoundsToHalfUnits() throws {
        let glabellar = try #require(library.pattern("glabellar-botox-cosmetic"))
        let scaled = glabellar.points(scale: 1.2, makeID: counter())
        #expect(scaled.allSatisfy { $0.units == Units(5) }, "4 U x 1.2 = 4.8 -> 5")
        let blepharospasm = try #require(library.pattern("blepharospasm-botox"))
        #expect(blepharospasm.points(scale: 1.2, makeID: counter()).allSatisfy { $0.units == Units(3) }, "2.5 x 1.2 = 3")
        #expect(blepharospasm.points(scale: 0.5, makeID: counter()).allSatisfy { $0.units == Units(hundredths: 150) },
                "1.25 rounds half up to 1.5")
        #expect(blepharospasm.points(scale: 0.01, makeID: counter()).allSatisfy { $0.units == Units(hundredths: 50) })
        let exact = glabellar.points(makeID: counter())
        #expect(exact.map(\.units).total() == Units(20))
        #expect(Set(exact.map(\.id)).count == 5)
        #expect(exact.allSatisfy { $0.problem == nil })
    }

    @Test func oneSideHalvesTheBilateralSites() throws {
        let crowsFeet = try #require(library.pattern("lateral-canthal-botox-cosmetic"))
        let right = crowsFeet.points(sides: .right, makeID: counter())
        #expect(right.count == 3 && right.allSatisfy { $0.side == .right && $0.position.x < 0.5 })
        #expect(right.map(\.units).total() == Units(12))
        let left = crowsFeet.points(sides: .left, makeID: counter())
        #expect(left.count == 3 && left.allSatisfy { $0.side == .left && $0.position.x > 0.5 })
        let glabellar = try #require(library.pattern("glabellar-botox-cosmetic"))
        let oneSide = glabellar.points(sides: .left, makeID: counter())
        #expect(oneSide.count == 2 && !oneSide.contains { $0.side == .midline }, "midline procerus is left out")
        let both = glabellar.points(sides: .both, makeID: counter())
        #expect(both.count == 5)
    }

    @Test func bilateralSitesMirrorEachOther() {
        for pattern in library.patterns
        where pattern.key != "platysma-31" && pattern.key != "cervical-dystonia-established" && pattern.oneSided != true {
            for site in pattern.sites where site.side != .midline {
                let twin = pattern.sites.contains {
                    $0.view == site.view && $0.region == site.region && $0.units == site.units
                        && abs($0.x - (1 - site.x)) < 1e-4 && abs($0.y - site.y) < 1e-4
                }
                #expect(twin, "\(pattern.key): \(site.region) at \(site.x) has a mirror twin")
            }
        }
    }

    @Test func axillaryHyperhidrosisIsFiftyUnitsPerAxillaIntradermal() throws {
        let pattern = try #require(library.pattern("axillary-hyperhidrosis-botox"))
        let summary = DoseSummary(points: pattern.points(makeID: counter()))
        let axilla = try #require(summary.regions.first { $0.region == .axilla })
        #expect(axilla.right == Units(50) && axilla.left == Units(50))
        #expect(pattern.sites.allSatisfy { $0.view == .axilla && $0.depth == .intradermal })
        for side in [Side.right, .left] {
            let count = pattern.sites.filter { $0.side == side }.count
            #expect((10...15).contains(count), "label: 10-15 sites per axilla, \(count) on the \(side)")
        }
        #expect(pattern.grade == .label && pattern.products == ["botox"])
    }

    /// A one-sided pattern goes to its written side as it is and to the other side mirrored, and every
    /// mirrored site still lands on its region, on that side, outside every danger zone.
    @Test func oneSidedPatternsMirrorOntoTheOtherSide() throws {
        let oneSided = library.patterns.filter { $0.oneSided == true }
        #expect(Set(oneSided.map(\.key)) == ["hemifacial-spasm-botox", "brow-asymmetry-brow-tail", "brow-asymmetry-frontalis"])
        for pattern in oneSided {
            let written = try #require(pattern.sites.first?.side)
            let asWritten = pattern.points(sides: .both, makeID: counter())
            #expect(asWritten.count == pattern.siteCount && asWritten.allSatisfy { $0.side == written }, "\(pattern.key)")
            let ownSide = pattern.points(sides: written == .right ? .right : .left, makeID: counter())
            #expect(ownSide.map(\.position) == asWritten.map(\.position), "\(pattern.key): its own side is as written")
            let other: PatternSides = written == .right ? .left : .right
            let mirrored = pattern.points(sides: other, makeID: counter())
            #expect(mirrored.count == pattern.siteCount, "\(pattern.key)")
            #expect(mirrored.map(\.units).total() == pattern.totalUnits)
            for point in mirrored {
                let view = try #require(views[point.view])
                let cell = view.cell(at: point.position)
                #expect(point.side == written.mirrored && cell.side == point.side, "\(pattern.key) mirrored side")
                #expect(cell.region == point.region && cell.danger == nil, "\(pattern.key) \(point.region) mirrored")
            }
        }
    }

    @Test func oneSidedPatternsMustKeepToOneSide() {
        let site = PatternSite(view: .anterior, x: 0.3, y: 0.2, region: .frontalis, side: .right, units: Units(2), depth: .intramuscular)
        var pattern = TreatmentPattern(
            key: "t", name: "T", indication: Indication(kind: .aesthetic, concern: "t"), products: ["botox"],
            totalUnits: Units(4), siteCount: 2, source: Source(grade: .paper, reference: "r"), oneSided: true,
            sites: [site, site.mirrored])
        #expect(pattern.problem == "a one-sided pattern's sites must all be on one side (right or left)")
        pattern.sites = [site, site]
        #expect(pattern.problem == nil)
    }

    @Test func totalsThatDoNotAddUpAreRejected() {
        var pattern = TreatmentPattern(
            key: "t", name: "T", indication: Indication(kind: .aesthetic, concern: "t"), products: ["botox"],
            totalUnits: Units(10), siteCount: 1, source: Source(grade: .label, reference: "r"),
            sites: [PatternSite(view: .anterior, x: 0.5, y: 0.2, region: .frontalis, side: .midline, units: Units(4), depth: .intramuscular)])
        #expect(pattern.problem == "sites add up to 4 U, but totalUnits says 10 U")
        pattern.siteCount = 2
        #expect(pattern.problem == "1 sites, but siteCount says 2")
        #expect(throws: DataError("patterns[0] (t): 1 sites, but siteCount says 2")) {
            try PatternLibrary(patterns: [pattern]).validate()
        }
    }

    @Test func theUpperFaceIsTheThreeLabelAreasTogether() throws {
        let upper = try #require(library.pattern("upper-face-botox-cosmetic"))
        let parts = ["glabellar-botox-cosmetic", "forehead-botox-cosmetic", "lateral-canthal-botox-cosmetic"].compactMap(library.pattern)
        #expect(upper.totalUnits == Units(64) && upper.siteCount == 16)
        #expect(upper.sites == parts.flatMap(\.sites))
        #expect(upper.products == ["botox-cosmetic", "botox"])
        #expect(upper.source.grade == .label)
        #expect(upper.indication.key == "upper-face")
        #expect(upper.problem == nil)
    }

    @Test func aCombinationOfAPatternThatIsNotThereIsRefused() {
        let json = Data(#"{"schemaVersion": 1, "patterns": [], "combinations": [{"key": "c", "name": "C", "indication": {"kind": "aesthetic", "concern": "x"}, "of": ["missing"], "source": {"grade": "L", "reference": "r"}}]}"#.utf8)
        #expect(throws: DataError("combination c: no pattern missing")) { try PatternLibrary(json: json) }
    }
}
