import FaceChartAssets
import FaceChartCore
import Foundation
import Testing

@Suite("Bundled face views")
struct FaceViewTests {
    let anterior: FaceView
    let posterior: FaceView
    let axilla: FaceView

    init() throws {
        anterior = try BundledAssets.faceView(.anterior)
        posterior = try BundledAssets.faceView(.posterior)
        axilla = try BundledAssets.faceView(.axilla)
    }

    /// The first cell (row-major) whose mask entry is `region` with `danger`, searched in `columns`.
    func cells(
        _ view: FaceView, region: Region?, danger: DangerZone? = nil, columns: Range<Int>? = nil
    ) -> [(column: Int, row: Int)] {
        var found: [(Int, Int)] = []
        for row in 0..<view.height {
            for column in columns ?? 0..<view.width {
                let info = view.cell(column: column, row: row)
                if info.region == region && info.danger == danger { found.append((column, row)) }
            }
        }
        return found
    }

    @Test func everyViewLoadsWithMatchingShapes() {
        for view in [anterior, posterior, axilla] {
            #expect(view.art.count == view.height && view.mask.count == view.height)
            #expect(view.art.allSatisfy { $0.count == view.width })
            #expect(view.mask.allSatisfy { $0.count == view.width })
            #expect(view.width % 2 == 1, "odd width so the midline is a column")
            #expect(!view.source.isEmpty)
        }
        #expect(anterior.kind == .anterior)
        #expect(posterior.kind == .posterior)
        #expect(axilla.kind == .axilla)
    }

    @Test func anteriorFitsBesideTheSidebar() {
        #expect(anterior.width <= 41 && anterior.height <= 21)
        #expect(posterior.width <= 41 && posterior.height <= 21)
        #expect(axilla.width <= 41 && axilla.height <= 21)
        #expect(anterior.midlineColumn == anterior.width / 2)
    }

    @Test func artIsSingleColumn() {
        for view in [anterior, posterior, axilla] {
            for row in view.art {
                #expect(row.allSatisfy(FaceViewDefinition.isSingleColumnArt))
            }
        }
    }

    @Test func everyRequiredRegionIsInTheMask() {
        let anteriorRegions: [Region] = [
            .frontalis, .procerus, .corrugator, .orbicularisOculiLateral, .orbicularisOculiPretarsal, .nasalis,
            .levatorLabiiSuperiorisAlaequeNasi, .orbicularisOris, .depressorAnguliOris, .mentalis, .masseter,
            .temporalis, .platysma, .sternocleidomastoid, .parotid, .submandibular, .scalenes,
        ]
        let posteriorRegions: [Region] = [
            .occipitalis, .cervicalParaspinal, .spleniusCapitis, .trapezius, .temporalis, .levatorScapulae, .semispinalis,
        ]
        func present(_ view: FaceView) -> Set<Region> {
            Set(view.mask.flatMap { $0 }.compactMap { view.legend[$0]?.region })
        }
        #expect(Set(anteriorRegions).isSubset(of: present(anterior)))
        #expect(Set(posteriorRegions).isSubset(of: present(posterior)))
        #expect(present(axilla) == [.axilla])
        for view in [anterior, posterior, axilla] {
            for row in 0..<view.height {
                let left = (0..<view.midlineColumn).map { view.cell(column: $0, row: row).region }
                let right = (0..<view.midlineColumn).map { view.cell(column: view.width - 1 - $0, row: row).region }
                #expect(left == right, "\(view.kind) row \(row + 1) regions are symmetrical")
            }
        }
    }

    @Test func sideLabelsSitOnThePatientsSides() {
        let anteriorLabels = anterior.art.map { String($0) }
        #expect(anteriorLabels.contains { $0.hasPrefix(" R") && $0.hasSuffix("L ") })
        let posteriorLabels = posterior.art.map { String($0) }
        #expect(posteriorLabels.contains { $0.hasPrefix(" L") && $0.hasSuffix("R ") })
        #expect(axilla.art.map { String($0) }.contains { $0.hasPrefix(" R") && $0.hasSuffix("L ") })
    }

    @Test func viewsCycleAmongTheAvailableOnes() {
        #expect(ViewKind.anterior.next(among: ViewKind.allCases) == .posterior)
        #expect(ViewKind.posterior.next(among: ViewKind.allCases) == .axilla)
        #expect(ViewKind.axilla.next(among: ViewKind.allCases) == .anterior)
        #expect(ViewKind.posterior.next(among: [.anterior, .posterior]) == .anterior, "a missing drawing is skipped")
        #expect(ViewKind.anterior.next(among: [.anterior]) == .anterior)
    }

    @Test func axillaIsSeenFaceToFace() throws {
        let vault = try #require(cells(axilla, region: .axilla).first)
        #expect(vault.column < axilla.midlineColumn)
        #expect(axilla.cell(column: vault.column, row: vault.row).side == .right)
        #expect(axilla.cell(column: axilla.width - 1 - vault.column, row: vault.row).side == .left)
        #expect(axilla.cell(column: axilla.midlineColumn, row: vault.row).region == nil, "the sternum is not injected")
    }

    @Test func screenLeftIsPatientsRightOnAnteriorAndLeftOnPosterior() throws {
        let corrugator = try #require(cells(anterior, region: .corrugator).first)
        #expect(corrugator.column < anterior.midlineColumn)
        #expect(anterior.cell(column: corrugator.column, row: corrugator.row).side == .right)
        #expect(anterior.cell(column: anterior.width - 1 - corrugator.column, row: corrugator.row).side == .left)
        let occipitalis = try #require(cells(posterior, region: .occipitalis).first)
        #expect(occipitalis.column < posterior.midlineColumn)
        #expect(posterior.cell(column: occipitalis.column, row: occipitalis.row).side == .left)
        #expect(posterior.cell(column: posterior.width - 1 - occipitalis.column, row: occipitalis.row).side == .right)
    }

    @Test func procerusOnTheCentreColumnIsMidline() throws {
        let centre = anterior.midlineColumn
        let procerus = try #require(cells(anterior, region: .procerus, columns: centre..<centre + 1).first)
        #expect(anterior.cell(column: centre, row: procerus.row).side == .midline)
        #expect(anterior.cell(column: centre - 1, row: procerus.row).side == .right)
    }

    /// Each zone, where it should be on the drawing, and that the cells around it are outside it.
    @Test(arguments: DangerZone.allCases)
    func dangerZoneIsWhereExpectedAndNoWider(_ zone: DangerZone) throws {
        let view = anterior
        var zoneCells: [(column: Int, row: Int)] = []
        for row in 0..<view.height {
            for column in 0..<view.width where view.cell(column: column, row: row).danger == zone {
                zoneCells.append((column, row))
            }
        }
        try #require(!zoneCells.isEmpty, "\(zone) is drawn")
        let rows = Set(zoneCells.map(\.row))
        let right = zoneCells.filter { $0.column < view.midlineColumn }
        let rowOf: (Region) -> Int = { region in
            (0..<view.height).first { row in
                (0..<view.width).contains { view.cell(column: $0, row: row).region == region }
            }!
        }
        let eyeRow = (0..<view.height).first { view.art[$0].contains("@") }!
        switch zone {
        case .lowerForehead:
            #expect(rows.allSatisfy { $0 < eyeRow && $0 > rowOf(.frontalis) })
            #expect(zoneCells.allSatisfy { view.cell(column: $0.column, row: $0.row).region == .frontalis })
        case .supraorbitalRim:
            let pupil = view.art[eyeRow].firstIndex(of: "@")!
            #expect(right.contains { $0.column == pupil }, "over the mid-pupil")
            #expect(rows.allSatisfy { $0 < eyeRow })
        case .medialLowerLid:
            #expect(rows == [eyeRow + 1])
            #expect(zoneCells.allSatisfy { view.cell(column: $0.column, row: $0.row).region == nil })
            let pupil = view.art[eyeRow].firstIndex(of: "@")!
            #expect(right.allSatisfy { $0.column > pupil }, "medial: towards the nose")
        case .zygomaticusPath:
            #expect(rows.allSatisfy { $0 > eyeRow })
        case .mouthCorner:
            let mouthRow = (0..<view.height).first { view.art[$0].contains("<") }!
            let corner = view.art[mouthRow].firstIndex(of: "<")!
            #expect(right.allSatisfy { abs($0.column - corner) <= 2 && abs($0.row - mouthRow) <= 1 })
        case .anteriorNeck:
            #expect(zoneCells.contains { $0.column == view.midlineColumn })
            #expect(rows.allSatisfy { $0 > rowOf(.submandibular) })
        case .lateralOrbitalRim:
            #expect(rows == [eyeRow - 1, eyeRow, eyeRow + 1])
            let lateralEye = view.art[eyeRow].firstIndex(of: "(")!
            #expect(right.allSatisfy { $0.column < view.art[eyeRow].firstIndex(of: "@")! && lateralEye - $0.column <= 2 })
            #expect(zoneCells.allSatisfy { view.cell(column: $0.column, row: $0.row).region == .orbicularisOculiLateral })
        case .lowerNasalSidewall:
            #expect(rows.allSatisfy { $0 > eyeRow + 1 && $0 < eyeRow + 3 })
            #expect(zoneCells.allSatisfy { view.cell(column: $0.column, row: $0.row).region == .nasalis })
            #expect(zone.severity == .caution)
        }
        // One cell outside the zone (in any of the 4 directions) is not in the zone: the zone has an edge
        // everywhere, and the neighbours just outside it are not part of it.
        let inZone = Set(zoneCells.map { "\($0.column),\($0.row)" })
        var outsideNeighbours = 0
        for cell in zoneCells {
            for (dc, dr) in [(-1, 0), (1, 0), (0, -1), (0, 1)] where !inZone.contains("\(cell.column + dc),\(cell.row + dr)") {
                #expect(view.cell(column: cell.column + dc, row: cell.row + dr).danger != zone)
                outsideNeighbours += 1
            }
        }
        #expect(outsideNeighbours > 0)
        #expect(right.count <= 6, "\(zone) stays a small, local zone")
    }

    @Test func specificDangerCellsAndTheirNeighbours() {
        // Lower forehead: row 5 (1-based) above the lateral brow; one row up is plain frontalis.
        #expect(anterior.cell(column: 12, row: 4).danger == .lowerForehead)
        #expect(anterior.cell(column: 12, row: 3).danger == nil)
        #expect(anterior.cell(column: 12, row: 3).region == .frontalis)
        // Supraorbital rim over the right mid-pupil (column 14); the upper lid below is not in it.
        #expect(anterior.cell(column: 14, row: 5).danger == .supraorbitalRim)
        #expect(anterior.cell(column: 14, row: 6).danger == nil)
        #expect(anterior.cell(column: 16, row: 5).danger == nil)
        // Medial lower lid: no injection at all; the lateral lower lid beside it is pretarsal.
        let medial = anterior.cell(column: 15, row: 8)
        #expect(medial.region == nil && medial.danger == .medialLowerLid && medial.side == .right)
        #expect(anterior.cell(column: 14, row: 8).region == .orbicularisOculiPretarsal)
        #expect(anterior.cell(column: 14, row: 8).danger == nil)
        #expect(anterior.cell(column: 25, row: 8).danger == .medialLowerLid)
        #expect(anterior.cell(column: 25, row: 8).side == .left)
        // Zygomaticus path below the lateral canthus; the crow's feet above are safe.
        #expect(anterior.cell(column: 11, row: 9).danger == .zygomaticusPath)
        #expect(anterior.cell(column: 11, row: 8).danger == .lateralOrbitalRim)
        #expect(anterior.cell(column: 9, row: 8).danger == nil)
        #expect(anterior.cell(column: 9, row: 8).region == .orbicularisOculiLateral)
        // Mouth corner: beside the corner at column 16 of the mouth row.
        #expect(anterior.cell(column: 15, row: 12).danger == .mouthCorner)
        #expect(anterior.cell(column: 13, row: 12).danger == nil)
        #expect(anterior.cell(column: 16, row: 12).region == nil, "the corner itself is the mouth opening")
        // Anterior neck in the centre; the submental platysma above is not in it.
        #expect(anterior.cell(column: 20, row: 18).danger == .anteriorNeck)
        #expect(anterior.cell(column: 20, row: 16).danger == nil)
        #expect(anterior.cell(column: 18, row: 18).danger == nil)
    }

    @Test func eyesNostrilsAndMouthAreNoInjection() {
        for row in 0..<anterior.height {
            for column in 0..<anterior.width {
                let character = anterior.art[row][column]
                if "@<=>_".contains(character) && (7...12).contains(row) {
                    #expect(!anterior.cell(column: column, row: row).isInjectable, "\(character) at \(column),\(row)")
                }
            }
        }
        let eyeRow = 7
        for column in 11...17 { #expect(!anterior.cell(column: column, row: eyeRow).isInjectable) }
        for column in 23...29 { #expect(!anterior.cell(column: column, row: eyeRow).isInjectable) }
        #expect(!anterior.cell(column: 20, row: 0).isInjectable, "hair")
        #expect(!anterior.cell(column: 0, row: 0).isInjectable, "outside the figure")
    }

    @Test func facePointAndCellRoundTrip() {
        for view in [anterior, posterior, axilla] {
            for row in 0..<view.height {
                for column in 0..<view.width {
                    let point = view.position(column: column, row: row)
                    #expect(point.isOnDrawing)
                    let back = view.cellCoordinates(of: point)
                    #expect(back.column == column && back.row == row)
                    let mirrored = view.cellCoordinates(of: point.mirrored)
                    #expect(mirrored.column == view.width - 1 - column && mirrored.row == row)
                }
            }
        }
    }

    @Test func badDefinitionsGiveClearReasons() throws {
        let legend = ["F": FaceViewDefinition.LegendEntry(region: .frontalis)]
        func reason(_ definition: FaceViewDefinition) -> String? {
            do { _ = try definition.makeFaceView(); return nil } catch { return error.reason }
        }
        #expect(reason(.init(view: .anterior, source: "t", art: ["ab", "c"], mask: ["FF", "FF"], legend: legend))
            == "art row 2 differs in width from the first row")
        #expect(reason(.init(view: .anterior, source: "t", art: ["ab"], mask: ["FX"], legend: legend))
            == "mask character 'X' on row 1 is not in the legend")
        #expect(reason(.init(view: .anterior, source: "t", art: ["a😀"], mask: ["FF"], legend: legend))?
            .contains("not single-column") == true)
        #expect(reason(.init(schemaVersion: 2, view: .anterior, source: "t", art: ["ab"], mask: ["FF"], legend: legend))?
            .contains("schemaVersion 2") == true)
        let json = Data(#"{"schemaVersion":1,"view":"lateral","source":"","art":[],"mask":[],"legend":{}}"#.utf8)
        do {
            _ = try FaceView(json: json)
            Issue.record("an unknown view must not load")
        } catch {
            #expect(error.reason.hasPrefix("view:"), "\(error.reason)")
        }
    }
}
