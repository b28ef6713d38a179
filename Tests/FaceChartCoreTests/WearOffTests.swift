import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

@Suite("WearOff")
struct WearOffTests {
    let utc = TimeZone(identifier: "UTC")!
    let day = CalendarDate(year: 2026, month: 8, day: 20)!
    let aesthetic = Indication(kind: .aesthetic, concern: "Glabellar lines")

    @Test func theReviewFallsOnDayFourteen() {
        #expect(Timeline.reviewDate(after: day).description == "2026-09-03")
    }

    @Test func figuresAreEffectTimelineRowsInDays() {
        #expect(WearOff.upperFace.days == 90...120)
        #expect(WearOff.upperFace.source.grade == .paper)
        #expect(WearOff.upperFace.text.contains("lasts 3-4 months"))
        #expect(WearOff.masseter.days == 120...180)
        #expect(WearOff.masseter.source.grade == .web)
        #expect(WearOff.platysma.days == 75...120)
        #expect(WearOff.platysma.text.contains("2.5-4 months"))
        #expect(WearOff.blepharospasm.days == 90...90)
        #expect(WearOff.blepharospasm.source.grade == .label)
        #expect(WearOff.cervicalDystonia.days == 84...84)
        #expect(WearOff.cervicalDystonia.measure == .retreat)
        #expect(WearOff.daxxifyGlabella.days == 180...180)
        for figure in WearOff.figures {
            #expect(figure.source.reference == "effect timeline")
            #expect(figure.text.hasPrefix(figure.setting + " |"))
        }
    }

    @Test func upperFaceMasseterAndNeckDates() {
        let upper = WearOff.dates(after: day, figure: WearOff.upperFace)
        #expect(upper.lowerBound.description == "2026-11-18")
        #expect(upper.upperBound.description == "2026-12-18")
        let masseter = WearOff.dates(after: day, figure: WearOff.masseter)
        #expect(masseter.lowerBound.description == "2026-12-18")
        #expect(masseter.upperBound.description == "2027-02-16")
        let neck = WearOff.dates(after: day, figure: WearOff.platysma)
        #expect(neck.lowerBound.description == "2026-11-03")
        #expect(neck.upperBound.description == "2026-12-18")
    }

    @Test func regionsMapToTheRowsClinicalMdSupports() {
        for region in [Region.frontalis, .procerus, .corrugator, .orbicularisOculiLateral, .nasalis] {
            #expect(WearOff.estimate(for: region, indication: aesthetic, product: "botox-cosmetic") == .supported(WearOff.upperFace))
        }
        #expect(WearOff.estimate(for: .masseter, indication: aesthetic, product: "botox-cosmetic") == .supported(WearOff.masseter))
        #expect(WearOff.estimate(for: .platysma, indication: aesthetic, product: "botox-cosmetic") == .supported(WearOff.platysma))
        #expect(WearOff.estimate(for: .procerus, indication: aesthetic, product: "daxxify") == .supported(WearOff.daxxifyGlabella))
        #expect(WearOff.estimate(for: .frontalis, indication: aesthetic, product: "daxxify") == .supported(WearOff.upperFace))
        let blepharospasm = Indication(kind: .medical, concern: "Blepharospasm")
        #expect(WearOff.estimate(for: .orbicularisOculiPretarsal, indication: blepharospasm, product: "botox")
            == .supported(WearOff.blepharospasm))
        let dystonia = Indication(kind: .medical, concern: "Cervical dystonia")
        #expect(WearOff.estimate(for: .sternocleidomastoid, indication: dystonia, product: "botox")
            == .supported(WearOff.cervicalDystonia))
    }

    @Test func unsupportedRegionsSaySoAndNameWhatClinicalMdGives() {
        for region in [Region.mentalis, .depressorAnguliOris, .orbicularisOris, .levatorLabiiSuperiorisAlaequeNasi, .temporalis] {
            #expect(WearOff.estimate(for: region, indication: aesthetic, product: "botox-cosmetic").figure == nil)
        }
        let migraine = WearOff.estimate(for: .temporalis, indication: Indication(kind: .medical, concern: "Chronic migraine"), product: "botox")
        guard case .unsupported(let reason) = migraine else {
            Issue.record("migraine has no published duration")
            return
        }
        #expect(reason.contains("12 weeks"))
        let sialorrhea = WearOff.estimate(for: .parotid, indication: Indication(kind: .medical, concern: "Sialorrhea"), product: "xeomin")
        #expect(sialorrhea.figure == nil)
        let spasm = WearOff.estimate(for: .orbicularisOculiLateral, indication: Indication(kind: .medical, concern: "Hemifacial spasm"), product: "botox")
        #expect(spasm.figure == nil)
    }

    @Test func regionsOfASessionCarryTheirDates() {
        var session = SampleHistory.first()
        session.points.append(SampleHistory.point("m1", .masseter, .right, 20, column: 1, row: 4))
        session.points.append(SampleHistory.point("m2", .mentalis, .midline, 4, column: 5, row: 4))
        let regions = WearOff.regions(of: session, timeZone: utc)
        #expect(regions.map(\.region) == [.procerus, .corrugator, .mentalis, .masseter])
        #expect(regions[0].dates?.lowerBound.description == "2026-11-18")
        #expect(regions[3].dates?.upperBound.description == "2027-02-16")
        #expect(regions[2].dates == nil)
        let withTopUp = WearOff.regions(of: SampleHistory.first(), timeZone: utc, extraPoints: [SampleHistory.point("x", .nasalis, .right, 2, column: 3, row: 3)])
        #expect(withTopUp.map(\.region) == [.procerus, .corrugator, .nasalis])
    }
}
