/// Where FaceChart keeps its data, and which setting chose it.
public struct DataRoot: Equatable, Sendable {
    /// Which setting the folder came from.
    public enum Source: String, Equatable, Sendable {
        case commandLine = "--data-dir"
        case facechartHome = "FACECHART_HOME"
        case xdgDataHome = "XDG_DATA_HOME"
        case home = "HOME"
    }

    /// The folder's path (not created here).
    public let path: String
    /// The setting that chose it.
    public let source: Source

    /// A root at `path`, chosen by `source`.
    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// Resolves `--data-dir`, else FACECHART_HOME, else XDG_DATA_HOME/facechart, else
    /// HOME/.local/share/facechart. Empty values count as unset; a relative XDG_DATA_HOME is ignored,
    /// as the XDG specification says.
    public static func resolve(explicit: String?, environment: [String: String]) throws(StoreError) -> DataRoot {
        if let explicit, !explicit.isEmpty { return DataRoot(path: explicit, source: .commandLine) }
        if let home = environment["FACECHART_HOME"], !home.isEmpty { return DataRoot(path: home, source: .facechartHome) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return DataRoot(path: joined(xdg, "facechart"), source: .xdgDataHome)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return DataRoot(path: joined(home, ".local/share/facechart"), source: .home)
        }
        throw .noDataFolder
    }

    private static func joined(_ base: String, _ rest: String) -> String {
        base.hasSuffix("/") ? base + rest : base + "/" + rest
    }
}
