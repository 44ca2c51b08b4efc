using ReportParser.Template;

namespace ReportParser.Export;

/// <summary>
/// The fixed list of every <c>Table.Row.Column</c> key of the standard tables over all templates (2021 first,
/// then the keys only 2019 has), in template order: the cell columns of the wide <c>reports.csv</c>. The list does
/// not depend on the documents, so a wide file can be written row by row and shard outputs line up.
/// </summary>
public static class ReportCellKeys
{
    private static readonly Dictionary<string, int> IndexOfKey;
    private static readonly Dictionary<(string Table, string Row, string Column), int> IndexOfParts;

    static ReportCellKeys()
    {
        // The schema names the keys and their order once; this class only indexes them.
        var keys = TemplateSchema.AllCellKeys;
        var parts = new Dictionary<(string, string, string), int>(keys.Count);
        IndexOfKey = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (int i = 0; i < keys.Count; i++)
        {
            var cell = TemplateSchema.Cell(keys[i]);
            parts[(cell.Table.Key, cell.Row.Key, cell.Column.Key)] = i;
            IndexOfKey[keys[i]] = i;
        }
        All = keys;
        IndexOfParts = parts;
        RequestColumns = TemplateSchema.RequestColumnArray.Select(c => c.Key).ToList();
        RequestColumnLabels = TemplateSchema.RequestColumnArray.Select(c => c.Label).ToList();
    }

    /// <summary>Every cell key, in template order.</summary>
    public static IReadOnlyList<string> All { get; }

    /// <summary>The column keys of table 三 (NaturalPerson … Total), in template order.</summary>
    public static IReadOnlyList<string> RequestColumns { get; }

    /// <summary>The printed labels of <see cref="RequestColumns"/> (自然人 … 总计).</summary>
    public static IReadOnlyList<string> RequestColumnLabels { get; }

    /// <summary>The position of a key in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string key) => IndexOfKey.TryGetValue(key, out var i) ? i : -1;

    /// <summary>The position of the key <c>table.row.column</c> in <see cref="All"/>, or -1 (without building the key).</summary>
    public static int IndexOf(string table, string row, string column) => IndexOfParts.TryGetValue((table, row, column), out var i) ? i : -1;

    /// <summary>
    /// The report's values aligned with <see cref="All"/>: the number in invariant culture, or an empty string when
    /// the cell is not stated or the report's template has no such cell.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string[] Values(AnnualReport report)
        => Array.ConvertAll(Numbers(report), v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>The report's values aligned with <see cref="All"/>; null when the cell is not stated or the report's template has no such cell.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static decimal?[] Numbers(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var values = new decimal?[All.Count];
        foreach (var t in report.Tables)
        {
            foreach (var c in t.Cells)
            {
                if (c.Value is not decimal v) continue;
                int i = IndexOf(c.Table, c.Row, c.Column);
                if (i >= 0) values[i] = v;
            }
        }
        return values;
    }
}
