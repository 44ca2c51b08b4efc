using ReportParser.Cli;

return CliApp.Run(args);
