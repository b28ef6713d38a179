import ArgumentParser

/// `facechart`: chart botulinum-toxin injections on a face grid, in the terminal.
@main
struct FaceChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facechart",
        abstract: "Chart botulinum-toxin injections on a face grid, in the terminal.",
        discussion: """
            With no command, opens the charting screens. Records are kept as JSON files in the data folder: \
            --data-dir, else $FACECHART_HOME, else $XDG_DATA_HOME/facechart, else ~/.local/share/facechart.
            """,
        version: FaceChartVersion.current,
        subcommands: [
            ChartCommand.self, PatientsCommand.self, AddPatientCommand.self, EditPatientCommand.self, ShowCommand.self,
            ReviewCommand.self, HistoryCommand.self, LogCommand.self, TemplatesCommand.self, LotsCommand.self,
            PrintCommand.self, ExportCommand.self,
            DemoCommand.self,
            SyncCommand.self, VerifyCommand.self, MergeDriverCommand.self,
        ],
        defaultSubcommand: ChartCommand.self
    )
}

/// The program's version.
enum FaceChartVersion {
    static let current = "0.1.0"
}
