import FaceChartStore
import Testing

@Suite struct DataRootTests {
    let full = ["FACECHART_HOME": "/fc", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]

    @Test func explicitFolderWins() throws {
        let root = try DataRoot.resolve(explicit: "/given", environment: full)
        #expect(root == DataRoot(path: "/given", source: .commandLine))
    }

    @Test func facechartHomeBeatsXDGAndHome() throws {
        #expect(try DataRoot.resolve(explicit: nil, environment: full).path == "/fc")
        #expect(try DataRoot.resolve(explicit: "", environment: full).source == .facechartHome)
    }

    @Test func xdgDataHomeGetsASubfolder() throws {
        var environment = full
        environment["FACECHART_HOME"] = ""
        #expect(try DataRoot.resolve(explicit: nil, environment: environment) == DataRoot(path: "/xdg/facechart", source: .xdgDataHome))
    }

    @Test func relativeXDGIsIgnoredAndHomeIsTheFallback() throws {
        let root = try DataRoot.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u/"])
        #expect(root == DataRoot(path: "/home/u/.local/share/facechart", source: .home))
    }

    @Test func nothingToGoOnIsAnError() {
        #expect(throws: StoreError.noDataFolder) { try DataRoot.resolve(explicit: nil, environment: ["HOME": ""]) }
    }
}
