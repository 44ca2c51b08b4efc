using System.CommandLine;
using System.Text;
using ReportParser.Cli.Batch;
using ReportParser.Export;

namespace ReportParser.Cli;

/// <summary>The verbs of the console tool. Exit codes: 0 success, 1 a document has errors (check) or an input is unreadable (export), 2 usage or I/O failure.</summary>
internal static class Commands
{
    public const int Ok = 0;
    public const int DocumentErrors = 1;
    public const int UsageOrIo = 2;

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        bool errorIsConsole = stderr is null;

        var root = new RootCommand("reportparser: read 政府信息公开工作年度报告 (government information-disclosure annual reports) into typed, validated data.\n" +
            "Exit codes: 0 success; 1 check: a document has an error-level diagnostic, export: some input file is unreadable (listed in files.csv); " +
            "2 usage error, or an output cannot be written.\n" +
            "Examples:\n  reportparser parse report.txt\n  reportparser check reports/ archive.zip\n  reportparser export reports/ archive.zip --out out/\n" +
            "  reportparser export reports/ --out out/shard-3 --shard 3/8 && reportparser merge out/shard-* --out out/all\n" +
            "See docs/cli.md and docs/scale-out.md.");

        var parseFiles = new Argument<string[]>("files") { Description = "Report files (text, HTML, PDF; detected by content) or folders.", Arity = ArgumentArity.OneOrMore };
        var parseOut = new Option<string?>("--out") { Description = "Write the JSON to this file instead of standard output. Example: --out report.json" };
        var parse = new Command("parse", "Parse reports and write the typed report(s) as JSON (keys as in TEMPLATE.md). Example: reportparser parse report.txt --out report.json");
        parse.Arguments.Add(parseFiles);
        parse.Options.Add(parseOut);
        parse.SetAction(pr => ParseCommand(pr.GetValue(parseFiles)!, pr.GetValue(parseOut), output, error));

        var checkFiles = new Argument<string[]>("inputs") { Description = "Report files, folders (searched recursively) and .zip archives.", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Print each document's diagnostics, one line each: file, location, severity, code, rule, message. " +
            "Exit code 0 when no document has an error, 1 when any has, 2 when an input cannot be read or on a usage error. Example: reportparser check reports/ archive.zip");
        check.Arguments.Add(checkFiles);
        check.SetAction(pr => CheckCommand(pr.GetValue(checkFiles)!, output, error));

        var export = BuildExport(output, error, errorIsConsole);
        var merge = BuildMerge(output, error);

        root.Subcommands.Add(parse);
        root.Subcommands.Add(check);
        root.Subcommands.Add(export);
        root.Subcommands.Add(merge);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var e in result.Errors) error.WriteLine(e.Message);
            error.WriteLine("Run 'reportparser --help' for usage.");
            return UsageOrIo;
        }
        return result.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Option<OutputFormat?> FormatOption(string description)
        => new("--format") { Description = description, HelpName = "csv|jsonl|parquet", CustomParser = r => ParseFormat(r) };

    private static OutputFormat? ParseFormat(System.CommandLine.Parsing.ArgumentResult r)
    {
        var t = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        switch (t.ToLowerInvariant())
        {
            case "csv": return OutputFormat.Csv;
            case "jsonl": return OutputFormat.Jsonl;
            case "parquet": return OutputFormat.Parquet;
            default:
                r.AddError($"--format must be csv, jsonl or parquet; got '{t}'");
                return null;
        }
    }

    private static Command BuildExport(TextWriter output, TextWriter error, bool errorIsConsole)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Report files, folders (searched recursively, in ordinal path order) and .zip archives (GBK/GB18030 entry names are decoded; " +
                          "zips inside zips are expanded one level). Formats may be mixed; each file's format is detected from its content.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string>("--out") { Description = "Output folder, created if needed; files.csv, cells.csv, reports.csv and diagnostics.csv are written there. Example: --out out/", Required = true, HelpName = "DIR" };
        var format = FormatOption("Output format: csv (default), jsonl (one JSON object per line) or parquet (every column a UTF-8 string). Example: --format parquet");
        var bom = new Option<bool>("--excel-bom") { Description = "Start each CSV file with a UTF-8 byte-order mark, so Excel opens the Chinese text correctly. Example: --excel-bom" };
        var shard = new Option<string?>("--shard") { Description = "Process only part K of N of the inputs (1 ≤ K ≤ N), chosen by a stable hash of each file's name; run N shards (a Slurm array, a Kubernetes indexed Job, GNU parallel) and combine them with 'merge'. Example: --shard 2/8", HelpName = "K/N" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files parsed at once (default: the number of processors). Example: -j 4", HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds one file may take (default 60); a file over it is listed as unreadable with reason 'time limit' and the run goes on. Example: --time-limit 20", HelpName = "SECONDS", DefaultValueFactory = _ => 60 };
        var progress = new Option<string>("--progress") { Description = "Progress on standard error: auto (default: a bar on a terminal, a plain line every 10 s when redirected or CI=true), bar, lines or none. Example: --progress lines", HelpName = "auto|bar|lines|none", DefaultValueFactory = _ => "auto" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no summary table. Example: -q" };
        var cmd = new Command("export", "Parse many reports into tables: files.csv (every input file once, with its status: parsed, parsed-with-errors, not-a-report, unreadable, and the reason), " +
            "cells.csv (one row per table cell), reports.csv (one row per report, one column per Table.Row.Column cell) and diagnostics.csv (every finding, plus the " +
            "cross-report checks CrossYear.CarryOver, CrossReport.Duplicate and CrossReport.CopiedTables). Parses on all processors; output order follows the input order. " +
            "Exit code 0 when every file was read, 1 when some file is unreadable, 2 on a usage error or when the outputs cannot be written.\n" +
            "Example: reportparser export reports/ 2021.zip --out out/ --excel-bom");
        cmd.Arguments.Add(inputs);
        foreach (var o in new Option[] { outDir, format, bom, shard, jobs, timeLimit, progress, quiet }) cmd.Options.Add(o);
        cmd.SetAction(pr =>
        {
            if (!Shard.TryParse(pr.GetValue(shard), out var sh, out var shardError)) return Usage(error, shardError);
            int j = pr.GetValue(jobs);
            if (j < 1) return Usage(error, "--jobs must be at least 1");
            double limit = pr.GetValue(timeLimit);
            if (!(limit > 0)) return Usage(error, "--time-limit must be a positive number of seconds");
            if (!Enum.TryParse<ProgressMode>(pr.GetValue(progress), ignoreCase: true, out var mode)) return Usage(error, "--progress must be auto, bar, lines or none");
            bool q = pr.GetValue(quiet);
            var options = new BatchOptions
            {
                Inputs = pr.GetValue(inputs)!, OutDir = pr.GetValue(outDir)!, Format = pr.GetValue(format) ?? OutputFormat.Csv,
                ExcelBom = pr.GetValue(bom), Shard = sh, Jobs = j, TimeLimit = TimeSpan.FromSeconds(limit), Progress = q ? ProgressMode.None : mode,
            };
            return ExportCommand(options, q, output, error, errorIsConsole);
        });
        return cmd;
    }

    private static Command BuildMerge(TextWriter output, TextWriter error)
    {
        var dirs = new Argument<string[]>("folders") { Description = "Output folders of 'export --shard K/N' runs (all N of them, any order).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder for the combined output. Example: --out out/all", Required = true, HelpName = "DIR" };
        var format = FormatOption("Output format (default: the format of the shard folders): csv, jsonl or parquet. Example: --format csv");
        var bom = new Option<bool>("--excel-bom") { Description = "Start each CSV file with a UTF-8 byte-order mark (for Excel)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary table." };
        var cmd = new Command("merge", "Combine the outputs of shard runs into the output one unsharded run would have written: the same rows in the same order, " +
            "with the cross-report checks rerun over all reports. Exit code 0 on success, 2 when a folder is missing, not an export folder, or shards overlap.\n" +
            "Example: reportparser merge out/shard-1 out/shard-2 out/shard-3 --out out/all");
        cmd.Arguments.Add(dirs);
        foreach (var o in new Option[] { outDir, format, bom, quiet }) cmd.Options.Add(o);
        cmd.SetAction(pr =>
        {
            try
            {
                var totals = Merger.Run(pr.GetValue(dirs)!, pr.GetValue(outDir)!, pr.GetValue(format), pr.GetValue(bom));
                if (!pr.GetValue(quiet)) Summary.Write(output, totals, pr.GetValue(outDir)!, "merged");
                return Ok;
            }
            catch (Exception ex) when (ex is Merger.MergeException or IOException or UnauthorizedAccessException or CsvHelper.CsvHelperException or System.Text.Json.JsonException or FormatException)
            {
                error.WriteLine($"merge: {ex.Message}");
                return UsageOrIo;
            }
        });
        return cmd;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine("Run 'reportparser export --help' for usage.");
        return UsageOrIo;
    }

    private static int ExportCommand(BatchOptions options, bool quiet, TextWriter output, TextWriter error, bool errorIsConsole)
    {
        try
        {
            BatchTotals totals;
            using (var progress = new Progress(error, options.Progress, errorIsConsole))
            {
                totals = BatchExporter.Run(options, progress);
            }
            if (!quiet) Summary.Write(output, totals, options.OutDir, options.Shard.IsAll ? "exported" : $"exported shard {options.Shard}");
            return totals.ByStatus[FileStatus.Unreadable.ToText()] > 0 ? DocumentErrors : Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot write to {options.OutDir}: {ex.Message}");
            return UsageOrIo;
        }
    }

    private static IEnumerable<string> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return f;
            }
            else
            {
                yield return input;
            }
        }
    }

    private static ReportParseResult? TryParse(string path, TextWriter error)
    {
        try
        {
            return Report.ParseFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot read: {ex.Message}");
            return null;
        }
    }

    private static int ParseCommand(string[] files, string? outPath, TextWriter output, TextWriter error)
    {
        var results = new List<ReportParseResult>();
        bool ioFailed = false;
        foreach (var f in Expand(files))
        {
            var r = TryParse(f, error);
            if (r is null) { ioFailed = true; continue; }
            results.Add(r);
        }
        try
        {
            using var ms = new MemoryStream();
            if (results.Count == 1)
            {
                ReportJson.Write(ms, results[0]);
            }
            else
            {
                ms.Write("["u8);
                for (int i = 0; i < results.Count; i++)
                {
                    if (i > 0) ms.Write(",\n"u8);
                    ReportJson.Write(ms, results[i]);
                }
                ms.Write("]"u8);
            }
            ms.Write("\n"u8);
            if (outPath is null)
            {
                output.Write(Encoding.UTF8.GetString(ms.ToArray()));
            }
            else
            {
                File.WriteAllBytes(outPath, ms.ToArray());
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot write {outPath}: {ex.Message}");
            return UsageOrIo;
        }
        return ioFailed ? UsageOrIo : Ok;
    }

    private static int CheckCommand(string[] inputs, TextWriter output, TextWriter error)
    {
        bool anyError = false, ioFailed = false;
        foreach (var item in new InputEnumerator(inputs).Enumerate())
        {
            if (item.Status is FileStatus status)
            {
                error.WriteLine($"{item.File}: {status.ToText()}: {item.Reason}");
                ioFailed |= status == FileStatus.Unreadable;
                continue;
            }
            ReportParseResult r;
            try
            {
                var bytes = item.Bytes ?? File.ReadAllBytes(item.Path!);
                r = Report.Parse(ReportSource.FromBytes(bytes, item.File));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{item.File}: cannot read: {ex.Message}");
                ioFailed = true;
                continue;
            }
            foreach (var d in r.Diagnostics)
            {
                output.WriteLine($"{item.File}: {d.Location}: {d.SeverityText} {d.CodeText}{(d.Rule is null ? "" : " " + d.Rule)}: {d.Message}");
            }
            anyError |= r.HasErrors;
        }
        return ioFailed ? UsageOrIo : anyError ? DocumentErrors : Ok;
    }
}
