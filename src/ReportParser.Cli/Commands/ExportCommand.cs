using System.CommandLine;
using ReportParser.Batch;
using ReportParser.Cli.Output;
using ReportParser.Cli.Workers;

namespace ReportParser.Cli.Commands;

/// <summary><c>export</c>: many reports into the files, cells, reports and diagnostics tables, through the library's <see cref="ReportExporter"/>.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = InputsArgument.Create();
        var outDir = new Option<string>("--out") { Description = "Output folder, created if needed; files.csv, cells.csv, reports.csv, diagnostics.csv and codebook.csv are written there. Example: --out out/", Required = true, HelpName = "DIR" };
        var format = FormatOption.Create("Output format: csv (default), jsonl (one JSON object per line) parquet (typed columns: INT64 counts, DECIMAL(18,4) amounts, INT32 years, DATE dates) or xlsx (one workbook, export.xlsx, a sheet per table). Example: --format parquet");
        var bom = new Option<bool>("--excel-bom") { Description = "Start each CSV file with a UTF-8 byte-order mark, so Excel opens the Chinese text correctly. Example: --excel-bom" };
        var shard = new Option<string?>("--shard") { Description = "Process only part K of N of the inputs (1 ≤ K ≤ N), chosen by a stable hash of each file's name; run N shards (a Slurm array, a Kubernetes indexed Job, GNU parallel) and combine them with 'merge'. Example: --shard 2/8", HelpName = "K/N" };
        var progress = new Option<string>("--progress") { Description = "Progress on standard error: auto (default: a bar on a terminal, a plain line every 10 s when redirected or CI=true), bar, lines or none. Example: --progress lines", HelpName = "auto|bar|lines|none", DefaultValueFactory = _ => "auto" };
        var names = new Option<string>("--names") { Description = "How the cell columns of reports are named: keys (default, Requests.NewRequests.NaturalPerson) or short (req_new_np: lower-case ASCII, at most 32 characters, listed in codebook.csv). Example: --names short", HelpName = "keys|short", DefaultValueFactory = _ => "keys" };
        var blankAsZero = new Option<bool>("--blank-as-zero") { Description = "Add the blank-as-zero view: cells.csv marks printed-blank cells in assumed_zero, and the rules are re-checked with them read as 0 (RP4091 broken, RP4092 holds); values stay null. Example: --blank-as-zero" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no summary table. Example: -q" };
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted run in --out (killed, preempted, Ctrl+C) from its journal: files already written are not parsed again and the outputs equal an uninterrupted run's. Needs the same inputs and options; with no interrupted run there, starts one. Example: --resume" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the outputs of an earlier run in --out (tables of every format, manifest.json, report.html, export.xlsx, an unfinished run); without it such a folder is refused. Example: --overwrite" };
        var parser = new ParserOptionSet();
        var isolation = new IsolationOptionSet();
        var command = new Command("export", "Parse many reports into tables: files.csv (every input file once, with its status: parsed, parsed-with-errors, not-a-report, unreadable, timeout, crashed, and the reason), " +
            "cells.csv (one row per table cell), reports.csv (one row per report, one column per Table.Row.Column cell) and diagnostics.csv (every finding, plus the " +
            "cross-report checks CrossYear.CarryOver, CrossReport.Duplicate and CrossReport.CopiedTables). Parses in worker processes on all processors; output order follows the input order. " +
            "Exit code 0 when every file was read, 1 when the run finished but some file is unreadable, timed out or crashed its worker, 2 on a usage error, " +
            "3 when the run did not finish (outputs cannot be written, cancelled, no worker can start; continue it with --resume). " +
            "The tables are written under .partial/ in --out and renamed into place when the run completes; manifest.json (provenance: version, options, inputs and outputs with SHA-256) is written last. " +
            "A folder holding another run's outputs is refused unless --overwrite or --resume.\n" +
            "Example: reportparser export reports/ 2021.zip --out out/ --excel-bom");
        command.Arguments.Add(inputs);
        foreach (var o in new Option[] { outDir, format, bom, shard, progress, names, blankAsZero, resume, overwrite, quiet }) command.Options.Add(o);
        isolation.AddTo(command);
        parser.AddTo(command);
        command.SetAction(async (pr, cancel) =>
        {
            if (!Shard.TryParse(pr.GetValue(shard), out var sh, out var shardError)) return context.Usage("export", shardError);
            var (iso, isoError) = isolation.Read(pr);
            if (iso is null) return context.Usage("export", isoError!);
            if (!Enum.TryParse<ProgressMode>(pr.GetValue(progress), ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
                return context.Usage("export", "--progress must be auto, bar, lines or none");
            if (!Enum.TryParse<ColumnNames>(pr.GetValue(names), ignoreCase: true, out var naming) || !Enum.IsDefined(naming))
                return context.Usage("export", "--names must be keys or short");
            var (parserOptions, error) = parser.Read(pr);
            if (parserOptions is null) return context.Usage("export", error!);
            bool q = pr.GetValue(quiet);
            if (pr.GetValue(resume) && pr.GetValue(overwrite)) return context.Usage("export", "--resume and --overwrite exclude each other");
            var options = new ExportOptions
            {
                Inputs = pr.GetValue(inputs)!, OutputDirectory = pr.GetValue(outDir)!, Format = pr.GetValue(format) ?? ExportFormat.Csv,
                ExcelBom = pr.GetValue(bom), Names = naming, BlankAsZero = pr.GetValue(blankAsZero), Shard = sh, Jobs = iso.Jobs, TimeLimit = iso.TimeLimit, ParserOptions = parserOptions,
                Resume = pr.GetValue(resume), Overwrite = pr.GetValue(overwrite), CommandLine = context.CommandLine,
            };
            return await RunAsync(context, options, iso, q ? ProgressMode.None : mode, q, cancel).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(CliContext context, ExportOptions options, Isolation isolation, ProgressMode mode, bool quiet, CancellationToken cancellationToken)
    {
        using var stop = new StopSignals(cancellationToken);
        var cancel = stop.Token;
        WorkerPool? pool = null;
        try
        {
            pool = isolation.CreatePool(options.ParserOptions);
            ExportSummary totals;
            using (var progress = new Progress(context.Error, mode, context.ErrorIsConsole))
            {
                totals = await ReportExporter.ExportAsync(options with { Runner = pool }, mode == ProgressMode.None ? null : progress, cancel).ConfigureAwait(false);
            }
            if (!quiet) Summary.Write(context.Output, totals, options.OutputDirectory, options.Shard.IsAll ? "exported" : $"exported shard {options.Shard}");
            return Failed(totals) > 0 ? ExitCodes.DocumentErrors : ExitCodes.Ok;
        }
        catch (ExportFolderException ex)
        {
            context.Error.WriteLine($"export: {ex.Message}");
            context.Error.WriteLine("Run 'reportparser export --help' for usage.");
            return ExitCodes.UsageOrIo;
        }
        catch (WorkerPoolException ex)
        {
            context.Error.WriteLine($"export: {ex.Message}; the run did not finish (--no-isolation parses in this process instead)");
            return ExitCodes.NotFinished;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"cannot write to {options.OutputDirectory}: {ex.Message}");
            return ExitCodes.NotFinished;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine($"export: cancelled; {options.OutputDirectory} holds the unfinished run (no manifest.json); run the same command with --resume to continue it");
            return ExitCodes.NotFinished;
        }
        finally
        {
            if (pool is not null) await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Files that could not be read to the end: unreadable, timed out, or crashed their worker.</summary>
    internal static long Failed(ExportSummary totals)
        => totals.ByStatus[ReportStatus.Unreadable] + totals.ByStatus[ReportStatus.Timeout] + totals.ByStatus[ReportStatus.Crashed];
}
