using System.CommandLine;
using System.Text;
using ReportParser.Batch;
using ReportParser.Export;

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
        var command = new Command("parse", "Parse reports and write the typed report(s) as JSON (keys as in TEMPLATE.md): an object for one file, an array for several. " +
            "Exit code 0 on success, 2 when an input is unreadable (it is named on standard error; the other inputs are still written) or on a usage error. " +
            "Example: reportparser parse report.txt --out report.json");
        command.Arguments.Add(inputs);
        command.Options.Add(outPath);
        parser.AddTo(command);
        command.SetAction((pr, cancel) =>
        {
            var (options, error) = parser.Read(pr);
            if (options is null) return Task.FromResult(context.Usage("parse", error!));
            return Task.FromResult(Run(context, pr.GetValue(inputs)!, pr.GetValue(outPath), options, cancel));
        });
        return command;
    }

    private static int Run(CliContext context, string[] inputs, string? outPath, ReportParserOptions options, CancellationToken cancel)
    {
        var documents = new List<byte[]>();
        bool unreadable = false;
        try
        {
            foreach (var item in new InputEnumerator(inputs, maxEntryBytes: options.MaxInputBytes).Enumerate(cancel))
            {
                if (item.Status is ReportStatus status)
                {
                    context.Error.WriteLine($"{item.File}: {status.ToText()}: {item.Reason}");
                    unreadable |= status == ReportStatus.Unreadable;
                    continue;
                }
                ReportParseResult result;
                try
                {
                    result = Report.Parse(ReportSource.FromBytes(item.ReadAllBytes(), item.File), options, cancel);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine($"{item.File}: unreadable: cannot read: {ex.Message}");
                    unreadable = true;
                    continue;
                }
                if (result.Status == ReportStatus.Unreadable)
                {
                    context.Error.WriteLine($"{item.File}: unreadable: {result.StatusReason}");
                    unreadable = true;
                }
                using var ms = new MemoryStream();
                ReportJson.Write(ms, result);
                documents.Add(ms.ToArray());
            }
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("parse: cancelled");
            return ExitCodes.UsageOrIo;
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
            return ExitCodes.UsageOrIo;
        }
        return unreadable ? ExitCodes.UsageOrIo : ExitCodes.Ok;
    }
}
