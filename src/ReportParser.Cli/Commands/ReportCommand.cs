using System.CommandLine;
using ReportParser.Batch;

namespace ReportParser.Cli.Commands;

/// <summary><c>report</c>: rebuilds <c>report.html</c> of an export folder from its tables, through <see cref="QualityReport"/>.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Argument<string>("folder") { Description = "An output folder of 'export' or 'merge' (it holds files.csv, files.jsonl or files.parquet)." };
        var maxSize = new Option<double>("--max-size") { Description = "Size budget of the page in MB (default 4.8): report details are added, rule breaks first, while the page stays under it. Example: --max-size 20", HelpName = "MB", DefaultValueFactory = _ => QualityReport.DefaultMaxBytes / 1e6 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print the path written." };
        var command = new Command("report", "Write report.html into an export folder from its tables (export and merge write it too): one self-contained page with the overview, " +
            "charts, the table of files and the detail of each report with its flagged cells; it opens offline from the folder. " +
            "Exit code 0 on success, 2 when the folder is not an export folder or the page cannot be written.\nExample: reportparser report out/all");
        command.Arguments.Add(dir);
        command.Options.Add(maxSize);
        command.Options.Add(quiet);
        command.SetAction(pr =>
        {
            double mb = pr.GetValue(maxSize);
            if (!(mb > 0) || mb > 100_000) return context.Usage("report", "--max-size must be a positive number of MB");
            try
            {
                var path = QualityReport.Write(pr.GetValue(dir)!, (long)(mb * 1e6));
                if (!pr.GetValue(quiet)) context.Output.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"report: {ex.Message}");
                return ExitCodes.UsageOrIo;
            }
        });
        return command;
    }
}
