import ArgumentParser

/// `facechart`: chart botulinum-toxin injections on a face grid, in the terminal.
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
            PrintCommand.self, ExportCommand.self, MoveAsideCommand.self,
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

/// Options the user may give before or after the command's name.
enum ArgumentOrder {
    /// The arguments with a `--data-dir` given before the command's name moved after it, where the
    /// command reads it: `facechart --data-dir D patients` means `facechart patients --data-dir D`.
    static func normalized(_ arguments: [String], commands: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--data-dir", index + 1 < arguments.count {
                leading += arguments[index...(index + 1)]
                index += 2
            } else if arguments[index].hasPrefix("--data-dir=") {
                leading.append(arguments[index])
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count, commands.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
