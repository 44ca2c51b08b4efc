using System.Globalization;
using ReportParser.Template;

namespace ReportParser.Reporting;

/// <summary>
/// One equation of an arithmetic rule over a report's cells: <see cref="Left"/> must equal <see cref="Right"/>. A rule break is
/// drawn as these cells; the order of a rule's equations is the order its diagnostics are reported in.
/// </summary>
/// <param name="Rule">The rule key (<c>Requests.RowTotal</c>, …).</param>
/// <param name="Label">Which row, column or group, in the template's words.</param>
/// <param name="Left">The cell keys summed on the left side.</param>
/// <param name="Right">The cell keys summed on the right side (the total).</param>
internal sealed record Equation(string Rule, string Label, IReadOnlyList<string> Left, IReadOnlyList<string> Right)
{
    /// <summary>The sums of both sides, or null when a cell of the equation is not stated (the rule is then not checkable).</summary>
    public (decimal Left, decimal Right)? Sums(IReadOnlyDictionary<string, CellEntry> cells)
    {
        decimal l = 0, r = 0;
        foreach (var k in Left)
        {
            if (!cells.TryGetValue(k, out var c) || c.Value is not decimal v) return null;
            l += v;
        }
        foreach (var k in Right)
        {
            if (!cells.TryGetValue(k, out var c) || c.Value is not decimal v) return null;
            r += v;
        }
        return (l, r);
    }

    public IEnumerable<string> Keys => Left.Concat(Right);
}

/// <summary>
/// The equations of the single-report rules of TEMPLATE.md (<c>Requests.RowTotal</c>, <c>Requests.OutcomeTotal</c>,
/// <c>Requests.Balance</c>, <c>ReviewLitigation.GroupTotal</c>), built from the cells a report has in the cells table; and the
/// <c>Values.NonNegative</c> check of one cell. Tests hold them to the rules: a report's broken equations are its rule diagnostics.
/// </summary>
internal static class Equations
{
    public const string RowTotal = "Requests.RowTotal";
    public const string OutcomeTotal = "Requests.OutcomeTotal";
    public const string Balance = "Requests.Balance";
    public const string GroupTotal = "ReviewLitigation.GroupTotal";
    public const string NonNegative = "Values.NonNegative";

    private const string Req = TemplateSchema.Requests;
    private const string Rev = TemplateSchema.ReviewLitigation;

    private static readonly HashSet<string> NotOutcomes = new(StringComparer.Ordinal) { "NewRequests", "CarriedOver", "Total", "CarriedForward" };

    private static readonly string[] Applicants = TemplateSchema.RequestColumns.Select(c => c.Key).ToArray();

    /// <summary>Every equation of the report's cells, rule by rule in the rules' order, each rule's in the order it checks them.</summary>
    public static List<Equation> Of(IReadOnlyDictionary<string, CellEntry> cells, IReadOnlyList<string> requestRows)
    {
        var list = new List<Equation>();
        var rows = requestRows.Where(r => Applicants.Any(a => cells.ContainsKey($"{Req}.{r}.{a}"))).ToList();
        foreach (var row in rows)
        {
            list.Add(new Equation(RowTotal, RowLabel(row), Applicants.Where(a => a != "Total").Select(a => $"{Req}.{row}.{a}").ToList(), [$"{Req}.{row}.Total"]));
        }
        var outcomes = OutcomeRows(cells, rows);
        foreach (var col in TemplateSchema.RequestColumns)
        {
            if (!cells.ContainsKey($"{Req}.Total.{col.Key}")) continue;
            list.Add(new Equation(OutcomeTotal, col.Label, outcomes.Select(r => $"{Req}.{r}.{col.Key}").ToList(), [$"{Req}.Total.{col.Key}"]));
        }
        foreach (var col in TemplateSchema.RequestColumns)
        {
            if (!cells.ContainsKey($"{Req}.Total.{col.Key}")) continue;
            list.Add(new Equation(Balance, col.Label, [$"{Req}.NewRequests.{col.Key}", $"{Req}.CarriedOver.{col.Key}"],
                [$"{Req}.Total.{col.Key}", $"{Req}.CarriedForward.{col.Key}"]));
        }
        string[] groups = ["Review", "Litigation.Direct", "Litigation.AfterReview"];
        string[] groupLabels = ["行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉"];
        for (int g = 0; g < groups.Length; g++)
        {
            if (!cells.ContainsKey($"{Rev}.Cases.{groups[g]}.Total")) continue;
            list.Add(new Equation(GroupTotal, groupLabels[g], new[] { "Upheld", "Corrected", "Other", "Pending" }.Select(o => $"{Rev}.Cases.{groups[g]}.{o}").ToList(),
                [$"{Rev}.Cases.{groups[g]}.Total"]));
        }
        return list;
    }

    /// <summary>The outcome rows （一）…（六）: a 2021 table that printed the single 其他处理 row uses it instead of the three sub-rows it lacks.</summary>
    private static List<string> OutcomeRows(IReadOnlyDictionary<string, CellEntry> cells, List<string> rows)
    {
        var outcomes = rows.Where(r => !NotOutcomes.Contains(r)).ToList();
        bool Stated(string row) => Applicants.Any(a => cells.TryGetValue($"{Req}.{row}.{a}", out var c) && c.Raw.Length > 0);
        if (outcomes.Contains("Other") && Stated("Other"))
            outcomes.RemoveAll(r => r.StartsWith("Other.", StringComparison.Ordinal) && !Stated(r));
        return outcomes;
    }

    /// <summary>Why a cell breaks <c>Values.NonNegative</c>, or null: a count or amount below zero, or a count that is not whole.</summary>
    public static string? NonNegativeBreak(CellEntry cell)
    {
        if (cell.Value is not decimal v || !TemplateSchema.TryGetCell(cell.Key, out var def)) return null;
        if (def.Column.Kind != ValueKind.SignedCount && v < 0) return string.Create(CultureInfo.InvariantCulture, $"{v} < 0");
        if (def.Column.Kind != ValueKind.Amount && v != decimal.Truncate(v)) return string.Create(CultureInfo.InvariantCulture, $"{v} is not a whole number");
        return null;
    }

    private static string RowLabel(string row)
    {
        var def = TemplateSchema.Requests2021.Row(row) ?? TemplateSchema.Requests2019.Row(row);
        return def is null ? row : def.Group is { } g ? $"{g} {def.Label}" : def.Label;
    }
}
