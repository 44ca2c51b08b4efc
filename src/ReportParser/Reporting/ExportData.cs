using System.Globalization;
using System.Text.RegularExpressions;
using ReportParser.Export;
using ReportParser.Template;

namespace ReportParser.Reporting;

/// <summary>
/// Reads one table of an export folder by its name (<c>files</c>, <c>cells</c>, <c>reports</c>, <c>diagnostics</c>, and the
/// optional <c>indicators</c>), handing its header and rows to <paramref name="read"/>; false when the folder has no such table.
/// </summary>
internal delegate bool TableOpener(string table, Action<IReadOnlyList<string>, IEnumerable<string[]>> read);

/// <summary>One row of the files table.</summary>
internal sealed record FileEntry(int Number, string File, string Status, string Reason, long Index, int Cells, int Errors, int Warnings, int Infos)
{
    /// <summary>The input format, from the file name's extension (<c>txt</c>, <c>pdf</c>, …), empty when it has none.</summary>
    public string Format
    {
        get
        {
            var name = File[(File.LastIndexOf('!') + 1)..];
            var ext = Path.GetExtension(name);
            return ext.Length > 1 ? ext[1..].ToLowerInvariant() : "";
        }
    }
}

/// <summary>The metadata of one row of the reports table, with the 上年结转 and 结转下年度 rows of table 三 for the cross-year view.</summary>
internal sealed record ReportEntry(string File, string? Agency, int? Year, string Template, decimal?[] CarriedOver, decimal?[] CarriedForward,
    decimal? NewTotal, decimal? OutcomeTotal);

/// <summary>One row of the diagnostics table, with the page and line read back from its location.</summary>
internal sealed partial record DiagnosticEntry(string File, string Code, string Severity, string Rule, string Message, string Location)
{
    public int? Line => Number(LineRegex());

    public int? Page => Number(PageRegex());

    /// <summary>
    /// True for a broken rule of the template's arithmetic or of the cross-report checks (RP4001–RP4019). Not: the
    /// not-checkable note (RP4090), the blank-as-zero re-checks (RP4091, RP4092), prose that disagrees with a table
    /// (RP4020, a warning of its own) and the evaluators' quality checks (RP5xxx), which also carry a rule key.
    /// </summary>
    public bool IsRuleBreak => Rule.Length > 0 && Code.Length == 6 && Code.StartsWith("RP40", StringComparison.Ordinal)
        && int.TryParse(Code.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 4001 and <= 4019;

    private int? Number(Regex r) => r.Match(Location) is { Success: true } m ? int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\bline (\d{1,9})\b")]
    private static partial Regex LineRegex();

    [GeneratedRegex(@"\bpage (\d{1,9})\b")]
    private static partial Regex PageRegex();
}

/// <summary>One row of the cells table.</summary>
internal sealed record CellEntry(string Key, decimal? Value, string ValueText, string Raw, int? Line, int? Page, string Method);

/// <summary>
/// What the page shows, read from the tables of an export folder: every file, report and diagnostic, the cell counts, and the
/// cells of the reports chosen for a detail (the cells of all reports of a large batch do not fit in memory).
/// </summary>
internal sealed class ExportData
{
    public List<FileEntry> Files { get; } = new();

    public Dictionary<string, ReportEntry> Reports { get; } = new(StringComparer.Ordinal);

    public List<DiagnosticEntry> Diagnostics { get; } = new();

    public Dictionary<string, List<DiagnosticEntry>> DiagnosticsByFile { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<CellEntry>> Cells { get; } = new(StringComparer.Ordinal);

    public long CellRows { get; private set; }

    public long CellsStated { get; private set; }

    /// <summary>The indicators table's values by indicator, when the folder has one with <c>indicator</c> and <c>value</c> columns.</summary>
    public SortedDictionary<string, List<decimal>>? Indicators { get; private set; }

    public IReadOnlyList<DiagnosticEntry> DiagnosticsOf(string file) => DiagnosticsByFile.TryGetValue(file, out var l) ? l : Array.Empty<DiagnosticEntry>();

    /// <summary>Reads the files, reports and diagnostics tables, then the cells of the files <paramref name="keepCells"/> chooses.</summary>
    /// <exception cref="InvalidDataException">A table is missing or lacks a column.</exception>
    public static ExportData Load(TableOpener open, Func<ExportData, ISet<string>> keepCells)
    {
        var data = new ExportData();
        Require(open, FileRow.Schema.Name, data.ReadFiles);
        Require(open, WideReportRow.Schema.Name, data.ReadReports);
        Require(open, DiagnosticRow.Schema.Name, data.ReadDiagnostics);
        var keep = keepCells(data);
        Require(open, CellRow.Schema.Name, (columns, rows) => data.ReadCells(columns, rows, keep));
        open("indicators", data.ReadIndicators);
        return data;
    }

    private static void Require(TableOpener open, string table, Action<IReadOnlyList<string>, IEnumerable<string[]>> read)
    {
        if (!open(table, read)) throw new InvalidDataException($"the folder has no {table} table: not an export folder");
    }

    private void ReadFiles(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        var c = Columns.Of(FileRow.Schema.Name, columns, "file", "status", "reason", "index", "cells", "errors", "warnings", "infos");
        foreach (var r in rows)
        {
            Files.Add(new FileEntry(Files.Count + 1, r[c[0]], r[c[1]], r[c[2]], Columns.Long(r[c[3]]) ?? Files.Count, Columns.Int(r[c[4]]) ?? 0,
                Columns.Int(r[c[5]]) ?? 0, Columns.Int(r[c[6]]) ?? 0, Columns.Int(r[c[7]]) ?? 0));
        }
    }

    private static readonly string[] ApplicantKeys = TemplateSchema.RequestColumns.Select(col => col.Key).ToArray();

    private void ReadReports(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        var c = Columns.Of(WideReportRow.Schema.Name, columns, "file", "agency", "year", "template");
        var over = ApplicantKeys.Select(k => Columns.Find(columns, $"{TemplateSchema.Requests}.CarriedOver.{k}")).ToArray();
        var forward = ApplicantKeys.Select(k => Columns.Find(columns, $"{TemplateSchema.Requests}.CarriedForward.{k}")).ToArray();
        int newTotal = Columns.Find(columns, $"{TemplateSchema.Requests}.NewRequests.Total");
        int outcomeTotal = Columns.Find(columns, $"{TemplateSchema.Requests}.Total.Total");
        foreach (var r in rows)
        {
            var agency = r[c[1]];
            Reports[r[c[0]]] = new ReportEntry(r[c[0]], agency.Length == 0 ? null : agency, Columns.Int(r[c[2]]), r[c[3]],
                over.Select(i => Columns.Decimal(r, i)).ToArray(), forward.Select(i => Columns.Decimal(r, i)).ToArray(),
                Columns.Decimal(r, newTotal), Columns.Decimal(r, outcomeTotal));
        }
    }

    private void ReadDiagnostics(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        var c = Columns.Of(DiagnosticRow.Schema.Name, columns, "file", "code", "severity", "rule", "message", "location");
        foreach (var r in rows)
        {
            var d = new DiagnosticEntry(r[c[0]], r[c[1]], r[c[2]], r[c[3]], r[c[4]], r[c[5]]);
            Diagnostics.Add(d);
            if (!DiagnosticsByFile.TryGetValue(d.File, out var list)) DiagnosticsByFile[d.File] = list = new List<DiagnosticEntry>();
            list.Add(d);
        }
    }

    private void ReadCells(IReadOnlyList<string> columns, IEnumerable<string[]> rows, ISet<string> keep)
    {
        var c = Columns.Of(CellRow.Schema.Name, columns, "file", "table", "row", "column", "value", "raw", "line", "page");
        int method = Columns.Find(columns, "method");
        foreach (var r in rows)
        {
            CellRows++;
            var value = r[c[4]];
            if (value.Length > 0) CellsStated++;
            if (!keep.Contains(r[c[0]])) continue;
            if (!Cells.TryGetValue(r[c[0]], out var list)) Cells[r[c[0]]] = list = new List<CellEntry>();
            // The value shown as the number it is (215.36 whether the table wrote 215.3600 or Parquet gave back 215.36).
            var number = Columns.Decimal(r, c[4]);
            list.Add(new CellEntry($"{r[c[1]]}.{r[c[2]]}.{r[c[3]]}", number, number is decimal n ? Normalize(n) : value, r[c[5]], Columns.Int(r[c[6]]), Columns.Int(r[c[7]]),
                method >= 0 ? r[method] : ""));
        }
    }

    private static string Normalize(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private void ReadIndicators(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        int name = Columns.Find(columns, "indicator"), value = Columns.Find(columns, "value");
        if (name < 0 || value < 0) return;
        Indicators = new SortedDictionary<string, List<decimal>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (Columns.Decimal(r, value) is not decimal v) continue;
            if (!Indicators.TryGetValue(r[name], out var list)) Indicators[r[name]] = list = new List<decimal>();
            list.Add(v);
        }
    }

    /// <summary>Column look-ups by name (a cell column of the reports table also by its short name) and invariant number parsing.</summary>
    private static class Columns
    {
        public static int[] Of(string table, IReadOnlyList<string> columns, params string[] names)
        {
            var result = new int[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                result[i] = Find(columns, names[i]);
                if (result[i] < 0) throw new InvalidDataException($"the {table} table has no '{names[i]}' column: written by another version?");
            }
            return result;
        }

        public static int Find(IReadOnlyList<string> columns, string name)
        {
            for (int i = 0; i < columns.Count; i++)
            {
                if (columns[i] == name) return i;
            }
            var shortName = ShortNames.ForColumn(name);
            if (shortName == name) return -1;
            for (int i = 0; i < columns.Count; i++)
            {
                if (columns[i] == shortName) return i;
            }
            return -1;
        }

        public static int? Int(string s) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

        public static long? Long(string s) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

        public static decimal? Decimal(string[] row, int column)
            => column >= 0 && column < row.Length && decimal.TryParse(row[column], NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
