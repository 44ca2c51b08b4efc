using System.CommandLine;
using ReportParser.Batch;
using ReportParser.Cli.Output;

namespace ReportParser.Cli.Commands;

/// <summary><c>merge</c>: the outputs of <c>export --shard K/N</c> runs into what one run writes, through <see cref="ReportExporter.MergeAsync(MergeOptions, CancellationToken)"/>.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var dirs = new Argument<string[]>("folders") { Description = "Output folders of 'export --shard K/N' runs (all N of them, any order).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder for the combined output. Example: --out out/all", Required = true, HelpName = "DIR" };
        var format = FormatOption.Create("Output format (default: the format of the shard folders): csv, jsonl, parquet or xlsx (shards themselves must be csv, jsonl or parquet). Example: --format csv");
        var bom = new Option<bool>("--excel-bom") { Description = "Start each CSV file with a UTF-8 byte-order mark (for Excel)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary table." };
        var partial = new Option<bool>("--allow-partial") { Description = "Merge even when some of the N shards are missing (recorded in the merged manifest.json with the missing shards); without it such a merge is refused. Example: --allow-partial" };
        var command = new Command("merge", "Combine the outputs of shard runs into the output one unsharded run would have written: the same rows in the same order, " +
            "with the cross-report checks rerun over all reports. Each folder must hold a finished export (its manifest.json) of one version, inputs and options, " +
            "with every shard K of N present (else --allow-partial). Exit code 0 on success, 2 when a folder is missing, unfinished, not an export folder, the manifests disagree, a shard is missing, or shards overlap, " +
            "3 when the output cannot be written or the merge is cancelled.\n" +
            "Example: reportparser merge out/shard-1 out/shard-2 out/shard-3 --out out/all");
        command.Arguments.Add(dirs);
        foreach (var o in new Option[] { outDir, format, bom, partial, quiet }) command.Options.Add(o);
        command.SetAction(async (pr, cancellationToken) =>
        {
            using var stop = new StopSignals(cancellationToken);
            var cancel = stop.Token;
            try
            {
                var options = new MergeOptions
                {
                    Folders = pr.GetValue(dirs)!, OutputDirectory = pr.GetValue(outDir)!, Format = pr.GetValue(format), ExcelBom = pr.GetValue(bom),
                    AllowPartial = pr.GetValue(partial), CommandLine = context.CommandLine,
                };
                var totals = await ReportExporter.MergeAsync(options, cancel).ConfigureAwait(false);
                if (!pr.GetValue(quiet)) Summary.Write(context.Output, totals, pr.GetValue(outDir)!, "merged");
                return ExitCodes.Ok;
            }
            catch (ShardMergeException ex)
            {
                context.Error.WriteLine($"merge: {ex.Message}");
                return ExitCodes.UsageOrIo;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                context.Error.WriteLine($"merge: {ex.Message}; the merge did not finish");
                return ExitCodes.NotFinished;
            }
        });
        return command;
    }
}
