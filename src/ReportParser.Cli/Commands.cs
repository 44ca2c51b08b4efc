using System.CommandLine;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ReportParser.Export;

namespace ReportParser.Cli;

/// <summary>The verbs of the console tool. Exit codes: 0 success, 1 a document has errors (check), 2 usage or I/O failure.</summary>
internal static class Commands
{
    public const int Ok = 0;
    public const int DocumentErrors = 1;
    public const int UsageOrIo = 2;

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;

        var root = new RootCommand("reportparser: read 政府信息公开工作年度报告 (government information-disclosure annual reports) into typed, validated data.\n" +
            "Examples:\n  reportparser parse report.txt\n  reportparser check reports/*.txt\n  reportparser export reports/ --out out/");

        var parseFiles = new Argument<string[]>("files") { Description = "Report files (text; HTML and PDF as supported).", Arity = ArgumentArity.OneOrMore };
        var parseOut = new Option<string?>("--out") { Description = "Write the JSON to this file instead of standard output." };
        var parse = new Command("parse", "Parse reports and write the typed report(s) as JSON (keys as in TEMPLATE.md). Example: reportparser parse report.txt --out report.json");
        parse.Arguments.Add(parseFiles);
        parse.Options.Add(parseOut);
        parse.SetAction(pr => ParseCommand(pr.GetValue(parseFiles)!, pr.GetValue(parseOut), output, error));

        var checkFiles = new Argument<string[]>("files") { Description = "Report files or folders.", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Print each document's diagnostics, one line each. Exit code 0 when no document has an error, 1 when any has, 2 on usage or I/O failure. Example: reportparser check report.txt");
        check.Arguments.Add(checkFiles);
        check.SetAction(pr => CheckCommand(pr.GetValue(checkFiles)!, output, error));

        var exportInputs = new Argument<string[]>("inputs") { Description = "Report files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var exportOut = new Option<string>("--out") { Description = "Output folder; cells.csv is written there.", Required = true };
        var export = new Command("export", "Write DIR/cells.csv: one row per table cell (file,agency,year,template,table,row,column,value,raw,line). Example: reportparser export reports/ --out out/");
        export.Arguments.Add(exportInputs);
        export.Options.Add(exportOut);
        export.SetAction(pr => ExportCommand(pr.GetValue(exportInputs)!, pr.GetValue(exportOut)!, output, error));

        root.Subcommands.Add(parse);
        root.Subcommands.Add(check);
        root.Subcommands.Add(export);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var e in result.Errors) error.WriteLine(e.Message);
            error.WriteLine("Run 'reportparser --help' for usage.");
            return UsageOrIo;
        }
        return result.Invoke(new InvocationConfiguration { Output = output, Error = error });
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

    private static int CheckCommand(string[] files, TextWriter output, TextWriter error)
    {
        bool anyError = false, ioFailed = false;
        foreach (var f in Expand(files))
        {
            var r = TryParse(f, error);
            if (r is null) { ioFailed = true; continue; }
            foreach (var d in r.Diagnostics)
            {
                output.WriteLine($"{f}: {d.Span}: {d.SeverityText} {d.CodeText}{(d.Rule is null ? "" : " " + d.Rule)}: {d.Message}");
            }
            anyError |= r.HasErrors;
        }
        return ioFailed ? UsageOrIo : anyError ? DocumentErrors : Ok;
    }

    private static int ExportCommand(string[] inputs, string outDir, TextWriter output, TextWriter error)
    {
        try
        {
            Directory.CreateDirectory(outDir);
            var cellsPath = Path.Combine(outDir, "cells.csv");
            using var writer = new StreamWriter(cellsPath, false, new UTF8Encoding(false));
            using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
            csv.Context.RegisterClassMap<CellRecordMap>();
            csv.WriteHeader<CellRecord>();
            csv.NextRecord();
            int files = 0, cells = 0;
            bool ioFailed = false;
            foreach (var f in Expand(inputs))
            {
                var r = TryParse(f, error);
                if (r is null) { ioFailed = true; continue; }
                files++;
                foreach (var c in CellRecord.From(r))
                {
                    csv.WriteRecord(c);
                    csv.NextRecord();
                    cells++;
                }
            }
            output.WriteLine($"{files} file(s), {cells} cell(s) -> {cellsPath}");
            return ioFailed ? UsageOrIo : Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot write to {outDir}: {ex.Message}");
            return UsageOrIo;
        }
    }
}

/// <summary>The column names and order of cells.csv: the one place they are defined.</summary>
internal sealed class CellRecordMap : ClassMap<CellRecord>
{
    public CellRecordMap()
    {
        Map(m => m.File).Name("file");
        Map(m => m.Agency).Name("agency");
        Map(m => m.Year).Name("year");
        Map(m => m.Template).Name("template");
        Map(m => m.Table).Name("table");
        Map(m => m.Row).Name("row");
        Map(m => m.Column).Name("column");
        Map(m => m.Value).Name("value");
        Map(m => m.Raw).Name("raw");
        Map(m => m.Line).Name("line");
    }
}
