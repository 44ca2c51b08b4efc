using System.CommandLine;
using ReportParser.Batch;

namespace ReportParser.Cli.Commands;

/// <summary>The <c>--format csv|jsonl|parquet|xlsx</c> option of export and merge.</summary>
internal static class FormatOption
{
    public static Option<ExportFormat?> Create(string description)
        => new("--format") { Description = description, HelpName = "csv|jsonl|parquet|xlsx", CustomParser = r => Parse(r) };

    private static ExportFormat? Parse(System.CommandLine.Parsing.ArgumentResult r)
    {
        var t = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        switch (t.ToLowerInvariant())
        {
            case "csv": return ExportFormat.Csv;
            case "jsonl": return ExportFormat.Jsonl;
            case "parquet": return ExportFormat.Parquet;
            case "xlsx": return ExportFormat.Xlsx;
            default:
                r.AddError($"--format must be csv, jsonl, parquet or xlsx; got '{t}'");
                return null;
        }
    }
}
