let commands = FaceChartCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
FaceChartCommand.main(ArgumentOrder.normalized(Array(CommandLine.arguments.dropFirst()), commands: commands))
