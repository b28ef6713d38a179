import FaceChartAssets
import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

@Suite("Outcome scales")
struct OutcomeScaleTests {
    let library = OutcomeFixtures.catalogue.scales

    func scale(_ key: String) throws -> OutcomeScale { try #require(library.scale(key), "\(key)") }

    /// The items and ranges read from the public sources named in scales.json.
    @Test func itemsAndRangesMatchTheirSources() throws {
        let expected: [String: [String: ClosedRange<Int>]] = [
            "fws": ["rest": 0...3, "maximum": 0...3],
            "headache-days": ["baseline": 0...31, "current": 0...31],
            "hit6": ["total": 36...78],
            "midas": ["total": 0...270],
            "twstrs": ["severity": 0...35, "disability": 0...30, "pain": 0...20],
            "tsui": ["total": 0...25],
            "jrs": ["severity": 0...4, "frequency": 0...4],
            "bsdi": ["driving": 0...4, "reading": 0...4, "television": 0...4, "shopping": 0...4, "walking": 0...4, "everyday": 0...4],
            "mas": ["tone": 0...5],
            "gas": ["goal1": -2...2, "goal2": -2...2, "goal3": -2...2],
            "hdss": ["score": 1...4],
            "minor": ["right": 0...1, "left": 0...1],
            "gics": ["change": 1...7],
            "satisfaction": ["satisfaction": 1...5],
        ]
        for (key, items) in expected {
            let scale = try scale(key)
            #expect(Dictionary(uniqueKeysWithValues: scale.items.map { ($0.key, $0.values) }) == items, "\(key)")
        }
        #expect(try scale("mas").items[0].labels == ["0", "1", "1+", "2", "3", "4"])
        #expect(try scale("fws").items[0].labels == ["none", "mild", "moderate", "severe"])
    }

    @Test func everyScaleIsSourcedAndDirected() throws {
        #expect(library.scales.count == 17)
        for scale in library.scales {
            #expect(!scale.source.reference.isEmpty, "\(scale.key)")
            #expect(scale.problem == nil, "\(scale.key): \(scale.problem ?? "")")
        }
        #expect(try scale("tsui").source.grade == .unconfirmed, "the 0-25 range was not confirmed")
        #expect(try scale("fws").source.grade == .label)
        #expect(try scale("gas").higherIsWorse == false)
        #expect(try scale("symmetry").higherIsWorse == nil)
        #expect(try scale("twstrs").higherIsWorse == true)
    }

    @Test func totalsAddUpToThePublishedMaxima() throws {
        let twstrs = try scale("twstrs")
        #expect(twstrs.aggregateValue(["severity": 35, "disability": 30, "pain": 20]) == 85)
        #expect(twstrs.aggregateValue(["severity": 35, "disability": 30]) == nil, "a total needs every subscale")
        let jrs = try scale("jrs")
        #expect(jrs.aggregateValue(["severity": 4, "frequency": 4]) == 8)
        #expect(jrs.primaryValue(["severity": 2, "frequency": 3]) == 5)
    }

    @Test func bsdiIsTheMeanOfTheItemsAnswered() throws {
        let bsdi = try scale("bsdi")
        #expect(bsdi.aggregateValue(["reading": 2, "television": 1, "walking": 0]) == 1)
        #expect(bsdi.aggregateValue([:]) == nil)
        #expect(OutcomeScale.format(bsdi.aggregateValue(["reading": 2, "television": 1])!) == "1.5")
    }

    @Test func goalAttainmentTScore() throws {
        let gas = try scale("gas")
        #expect(gas.aggregateValue(["goal1": 0, "goal2": 0]) == 50, "goals met as expected")
        let three = try #require(gas.aggregateValue(["goal1": 1, "goal2": 1, "goal3": 1]))
        #expect(abs(three - (50 + 30 / 4.8.squareRoot())) < 1e-9)
        #expect(try #require(gas.aggregateValue(["goal1": -2])) == 30)
    }

    @Test func bandsNameTheImpact() throws {
        #expect(try scale("hit6").band(for: 62)?.label == "severe impact")
        #expect(try scale("hit6").band(for: 49)?.label == "little or no impact")
        #expect(try scale("midas").band(for: 21)?.label == "grade IV, severe disability")
        #expect(try scale("midas").band(for: 5)?.label == "grade I, little or no disability")
    }

    @Test func clearChangeIsPointsOrAFractionOfTheBaseline() throws {
        #expect(try scale("fws").clearChangeSize(baseline: nil) == 2)
        #expect(try scale("headache-days").clearChangeSize(baseline: 20) == 6)
        #expect(try scale("headache-days").clearChangeSize(baseline: nil) == nil)
        #expect(try scale("midas").clearChangeSize(baseline: 30) == nil, "MIDAS gives no threshold: no comparison")
        #expect(try scale("gas").worsening(from: 1, to: -1) == 2, "lower is worse on GAS")
        #expect(try scale("symmetry").worsening(from: 0, to: 2) == nil)
    }

    @Test func typedValuesCompleteAsSoonAsNothingLongerFits() throws {
        let fws = try #require(try scale("fws").item("maximum"))
        #expect(fws.entry("2") == .complete(2))
        #expect(fws.entry("4") == .invalid)
        let days = try #require(try scale("headache-days").item("current"))
        #expect(days.entry("2") == .partial(value: 2))
        #expect(days.entry("20") == .complete(20))
        #expect(days.entry("3") == .partial(value: 3))
        #expect(days.entry("31") == .complete(31))
        #expect(days.entry("32") == .invalid)
        let hit6 = try #require(try scale("hit6").item("total"))
        #expect(hit6.entry("3") == .partial(value: nil))
        #expect(hit6.entry("36") == .complete(36))
        #expect(hit6.entry("79") == .invalid)
        let midas = try #require(try scale("midas").item("total"))
        #expect(midas.entry("27") == .partial(value: 27))
        #expect(midas.entry("270") == .complete(270))
    }

    @Test func labelledAndSignedValuesAreTypedAsWritten() throws {
        let mas = try #require(try scale("mas").item("tone"))
        #expect(mas.entry("1") == .partial(value: 1))
        #expect(mas.entry("1+") == .complete(2))
        #expect(mas.entry("2") == .complete(3), "2 is the fourth grade, after 1+")
        #expect(mas.text(for: 2) == "1+")
        let goal = try #require(try scale("gas").item("goal1"))
        #expect(goal.entry("-") == .partial(value: nil))
        #expect(goal.entry("-2") == .complete(-2))
        #expect(goal.entry("+") == .partial(value: nil))
        #expect(goal.entry("+1") == .complete(1))
        #expect(goal.entry("1") == .complete(1))
        #expect(goal.text(for: 2) == "+2")
    }

    @Test func brokenScaleFilesGiveClearReasons() throws {
        func reason(_ json: String) -> String? {
            do {
                _ = try ScaleLibrary(json: Data(json.utf8))
                return nil
            } catch {
                return error.reason
            }
        }
        let item = #"{"key":"a","name":"A","short":"a","range":[0,3]}"#
        let source = #""source":{"grade":"P","reference":"r"}"#
        func scale(_ key: String, items: String = item, extra: String = "") -> String {
            #"{"key":"\#(key)","name":"S","abbreviation":"S","scope":"visit","items":[\#(items)],"primary":"a",\#(source)\#(extra)}"#
        }
        #expect(reason(#"{"schemaVersion":1,"scales":[\#(scale("s")),\#(scale("s"))]}"#) == "scales[1]: duplicate key s")
        #expect(reason(#"{"schemaVersion":1,"scales":[\#(scale("s", items: #"{"key":"a","name":"A","short":"a","range":[0,3],"labels":["x"]}"#))]}"#)
            == "scales[0] (s): item a: 1 labels for 4 values")
        #expect(reason(#"{"schemaVersion":2,"scales":[]}"#) == "schemaVersion 2 is not supported (expected 1)")
        #expect(reason(#"{"schemaVersion":1,"scales":[\#(scale("s", extra: #","clearChange":{"source":{"grade":"?","reference":"r"}}"#))]}"#)
            == "scales[0] (s): clearChange needs points or fractionOfBaseline")
        #expect(reason(#"{"schemaVersion":1,"scales":[\#(scale("s"))]}"#) == nil)
    }
}
