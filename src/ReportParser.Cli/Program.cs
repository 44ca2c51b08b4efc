using System.CommandLine;
using ReportParser.Cli;

return Commands.Run(args);
