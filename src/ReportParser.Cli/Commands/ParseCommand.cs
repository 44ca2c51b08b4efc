using System.CommandLine;
using System.Text;
using ReportParser.Batch;
using ReportParser.Cli.Workers;

namespace ReportParser.Cli.Commands;

/// <summary>
/// <c>parse</c>: the typed report(s) as JSON. One input file gives one JSON object, several an array. Inputs are read
/// through <see cref="InputEnumerator"/> like check and export take them (files, folders, zip archives); an input that
/// is unreadable (missing, a corrupt archive, or a file whose content cannot be read) is named on standard error and
/// makes the exit code 2, while the other inputs are still written.
/// </summary>
internal static class ParseCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = InputsArgument.Create();
        var outPath = new Option<string?>("--out") { Description = "Write the JSON to this file instead of standard output. Example: --out report.json", HelpName = "FILE" };
        var parser = new ParserOptionSet();
        var isolation = new IsolationOptionSet();
        var command = new Command("parse", "Parse reports and write the typed report(s) as JSON (keys as in TEMPLATE.md): an object for one file, an array for several. " +
            "Parses in worker processes, as export does. Exit code 0 on success, 2 when an input is unreadable, timed out or crashed (it is named on standard error; " +
            "the other inputs are still written) or on a usage error, 3 when the run did not finish. Example: reportparser parse report.txt --out report.json");
        command.Arguments.Add(inputs);
        command.Options.Add(outPath);
        isolation.AddTo(command);
        parser.AddTo(command);
        command.SetAction(async (pr, cancel) =>
        {
            var (options, error) = parser.Read(pr);
            if (options is null) return context.Usage("parse", error!);
            var (iso, isoError) = isolation.Read(pr);
            if (iso is null) return context.Usage("parse", isoError!);
            await using var runner = new DocumentRunner(iso.Jobs, iso.TimeLimit, options, iso.CreatePool(options));
            return await RunAsync(context, pr.GetValue(inputs)!, pr.GetValue(outPath), options, runner, cancel).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] inputs, string? outPath, ReportParserOptions options, DocumentRunner runner, CancellationToken cancel)
    {
        var documents = new List<byte[]>();
        bool unreadable = false;
        try
        {
            var items = new InputEnumerator(inputs, maxEntryBytes: options.MaxInputBytes).Enumerate(cancel);
            await foreach (var (item, result) in runner.RunAllAsync(items, runner.ParseAsync, cancel).ConfigureAwait(false))
            {
                var status = result?.Status ?? item.Status!.Value;
                if (status is ReportStatus.Unreadable or ReportStatus.Timeout or ReportStatus.Crashed || result is null)
                {
                    context.Error.WriteLine($"{item.File}: {status.ToText()}: {result?.Reason ?? item.Reason}");
                    unreadable |= status is ReportStatus.Unreadable or ReportStatus.Timeout or ReportStatus.Crashed;
                }
                if (result?.Json is { } json) documents.Add(json);
            }
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("parse: cancelled");
            return ExitCodes.NotFinished;
        }
        catch (WorkerPoolException ex)
        {
            context.Error.WriteLine($"parse: {ex.Message}; the run did not finish (--no-isolation parses in this process instead)");
            return ExitCodes.NotFinished;
        }

        try
        {
            using var ms = new MemoryStream();
            if (documents.Count == 1)
            {
                ms.Write(documents[0]);
            }
            else
            {
                ms.Write("["u8);
                for (int i = 0; i < documents.Count; i++)
                {
                    if (i > 0) ms.Write(",\n"u8);
                    ms.Write(documents[i]);
                }
                ms.Write("]"u8);
            }
            ms.Write("\n"u8);
            if (outPath is null) context.Output.Write(Encoding.UTF8.GetString(ms.ToArray()));
            else File.WriteAllBytes(outPath, ms.ToArray());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"cannot write {outPath}: {ex.Message}");
            return ExitCodes.NotFinished;
        }
        return unreadable ? ExitCodes.UsageOrIo : ExitCodes.Ok;
    }
}
