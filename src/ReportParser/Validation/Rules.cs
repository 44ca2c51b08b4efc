using ReportParser.Template;

namespace ReportParser.Validation;

/// <summary>Helpers shared by the arithmetic rules.</summary>
internal static class RuleMath
{
    /// <summary>Sums the cells; null (with the names of the missing ones) when any is not stated.</summary>
    public static decimal? Sum(IEnumerable<ReportCell?> cells, List<string> missing, Func<ReportCell, string> name)
    {
        decimal sum = 0;
        bool ok = true;
        foreach (var c in cells)
        {
            if (c is null) continue;
            if (c.Value is decimal v) sum += v;
            else { ok = false; missing.Add(name(c)); }
        }
        return ok ? sum : null;
    }

    public static SourceLocation LocationOf(params ReportCell?[] cells)
    {
        foreach (var c in cells) if (c?.Location is { } s) return s;
        return SourceLocation.Unknown;
    }

    public static string Terms(IEnumerable<ReportCell?> cells, Func<ReportCell, string> name)
        => string.Join(" + ", cells.Where(c => c is not null).Select(c => $"{name(c!)} {(c!.Value is decimal v ? RuleContext.N(v) : "—")}"));

    public static readonly Dictionary<string, string> RequestRowNames = TemplateSchema.Requests2021.Rows
        .Concat(new[] { TemplateSchema.SingleOtherRow })
        .ToDictionary(r => r.Key, r => r.Label);

    public static readonly Dictionary<string, string> RequestColumnNames = TemplateSchema.RequestColumnArray.ToDictionary(c => c.Key, c => c.Label);
}

/// <summary><c>Values.NonNegative</c>: counts are whole numbers ≥ 0, amounts ≥ 0; only 2019's 本年增/减 is signed.</summary>
public sealed class NonNegativeRule : IReportRule
{
    /// <inheritdoc />
    public string Key => "Values.NonNegative";

    /// <inheritdoc />
    public void Check(AnnualReport report, RuleContext context)
    {
        foreach (var table in report.Tables)
        {
            foreach (var c in table.Cells)
            {
                if (c.Value is not decimal v) continue;
                if (c.Kind != ValueKind.SignedCount && v < 0)
                {
                    context.Broken(this, DiagnosticCode.ValuesNonNegative, c.Location, $"{c.Key} is {RuleContext.N(v)}: counts and amounts cannot be negative");
                }
                else if (c.Kind != ValueKind.Amount && v != decimal.Truncate(v))
                {
                    context.Broken(this, DiagnosticCode.ValuesNonNegative, c.Location, $"{c.Key} is {RuleContext.N(v)}: a count must be a whole number");
                }
            }
        }
    }
}

/// <summary><c>Requests.RowTotal</c>: in every row, 总计 = 自然人 + the five 法人或其他组织 columns.</summary>
public sealed class RequestsRowTotalRule : IReportRule
{
    /// <inheritdoc />
    public string Key => "Requests.RowTotal";

    /// <inheritdoc />
    public void Check(AnnualReport report, RuleContext context)
    {
        if (report.Requests is not { } t) return;
        var notCheckable = new List<string>();
        foreach (var row in t.Rows)
        {
            if (row.Label is null) continue;
            var parts = row.Cells.Where(c => c.Column != "Total").ToList();
            var total = row["Total"];
            var missing = new List<string>();
            var sum = RuleMath.Sum(parts, missing, c => RuleMath.RequestColumnNames[c.Column]);
            if (total?.Value is not decimal tv) missing.Add("总计");
            var name = RuleMath.RequestRowNames.GetValueOrDefault(row.Key, row.Key);
            if (missing.Count > 0)
            {
                if (parts.Any(p => p.IsStated) || total?.IsStated == true) notCheckable.Add($"{name} ({string.Join("、", missing)} not stated)");
                continue;
            }
            if (sum != total!.Value)
            {
                context.Broken(this, DiagnosticCode.RequestsRowTotal, total.Location ?? row.Location,
                    $"row {name}: 总计 {RuleContext.N(total.Value!.Value)} ≠ {RuleMath.Terms(parts, c => RuleMath.RequestColumnNames[c.Column])} = {RuleContext.N(sum!.Value)}");
            }
        }
        if (notCheckable.Count > 0)
        {
            context.NotCheckable(this, t.Location, $"not checkable for {notCheckable.Count} row(s): {string.Join("; ", notCheckable)}");
        }
    }
}

/// <summary><c>Requests.OutcomeTotal</c>: in every column, （七）总计 = the sum of the outcome rows （一）…（六）.</summary>
public sealed class RequestsOutcomeTotalRule : IReportRule
{
    /// <inheritdoc />
    public string Key => "Requests.OutcomeTotal";

    private static readonly HashSet<string> NotOutcomes = new() { "NewRequests", "CarriedOver", "Total", "CarriedForward" };

    /// <inheritdoc />
    public void Check(AnnualReport report, RuleContext context)
    {
        if (report.Requests is not { } t) return;
        var outcomeRows = t.Rows.Where(r => !NotOutcomes.Contains(r.Key)).ToList();
        // A 2021 table that printed the single 其他处理 row: use it instead of the three absent sub-rows.
        if (outcomeRows.Any(r => r.Key == "Other" && r.Label is not null))
            outcomeRows.RemoveAll(r => r.Key.StartsWith("Other.", StringComparison.Ordinal) && r.Label is null);
        var notCheckable = new List<string>();
        foreach (var col in TemplateSchema.RequestColumnArray)
        {
            var total = t["Total", col.Key];
            var parts = outcomeRows.Select(r => r[col.Key]).ToList();
            var missing = new List<string>();
            var sum = RuleMath.Sum(parts, missing, c => RuleMath.RequestRowNames.GetValueOrDefault(c.Row, c.Row));
            if (total?.Value is not decimal tv) { missing.Add("总计"); tv = 0; }
            if (missing.Count > 0)
            {
                if (parts.Any(p => p?.IsStated == true) || total?.IsStated == true) notCheckable.Add($"{col.Label} ({missing.Count} cell(s) not stated)");
                continue;
            }
            if (sum != tv)
            {
                context.Broken(this, DiagnosticCode.RequestsOutcomeTotal, total!.Location,
                    $"column {col.Label}: （七）总计 {RuleContext.N(tv)} ≠ sum of the outcome rows {RuleContext.N(sum!.Value)} ({RuleMath.Terms(parts.Where(p => p?.Value != 0), c => RuleMath.RequestRowNames.GetValueOrDefault(c.Row, c.Row))})");
            }
        }
        if (notCheckable.Count > 0)
        {
            context.NotCheckable(this, t.Location, $"not checkable for {notCheckable.Count} column(s): {string.Join("; ", notCheckable)}");
        }
    }
}

/// <summary><c>Requests.Balance</c>: in every column, 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理.</summary>
public sealed class RequestsBalanceRule : IReportRule
{
    /// <inheritdoc />
    public string Key => "Requests.Balance";

    /// <inheritdoc />
    public void Check(AnnualReport report, RuleContext context)
    {
        if (report.Requests is not { } t) return;
        var notCheckable = new List<string>();
        foreach (var col in TemplateSchema.RequestColumnArray)
        {
            var a = t["NewRequests", col.Key];
            var b = t["CarriedOver", col.Key];
            var c = t["Total", col.Key];
            var d = t["CarriedForward", col.Key];
            if (a?.Value is not decimal av || b?.Value is not decimal bv || c?.Value is not decimal cv || d?.Value is not decimal dv)
            {
                if (new[] { a, b, c, d }.Any(x => x?.IsStated == true)) notCheckable.Add(col.Label);
                continue;
            }
            if (av + bv != cv + dv)
            {
                context.Broken(this, DiagnosticCode.RequestsBalance, c.Location,
                    $"column {col.Label}: 本年新收 {RuleContext.N(av)} + 上年结转 {RuleContext.N(bv)} = {RuleContext.N(av + bv)}, but （七）总计 {RuleContext.N(cv)} + 结转下年度 {RuleContext.N(dv)} = {RuleContext.N(cv + dv)}");
            }
        }
        if (notCheckable.Count > 0)
        {
            context.NotCheckable(this, t.Location, $"not checkable for column(s) {string.Join("、", notCheckable)}: a value of the equation is not stated");
        }
    }
}

/// <summary><c>ReviewLitigation.GroupTotal</c>: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.</summary>
public sealed class ReviewLitigationGroupTotalRule : IReportRule
{
    /// <inheritdoc />
    public string Key => "ReviewLitigation.GroupTotal";

    private static readonly Dictionary<string, string> GroupNames = new()
    {
        ["Review"] = "行政复议", ["Litigation.Direct"] = "行政诉讼 未经复议直接起诉", ["Litigation.AfterReview"] = "行政诉讼 复议后起诉",
    };

    /// <inheritdoc />
    public void Check(AnnualReport report, RuleContext context)
    {
        if (report.ReviewLitigation is not { } t) return;
        var notCheckable = new List<string>();
        foreach (var g in TemplateSchema.GroupKeys)
        {
            var parts = TemplateSchema.OutcomeKeys.Take(4).Select(k => t["Cases", $"{g}.{k}"]).ToList();
            var total = t["Cases", $"{g}.Total"];
            var missing = new List<string>();
            var sum = RuleMath.Sum(parts, missing, c => c.Column);
            if (total?.Value is not decimal tv || sum is null)
            {
                if (parts.Any(p => p?.IsStated == true) || total?.IsStated == true) notCheckable.Add(GroupNames[g]);
                continue;
            }
            if (sum != tv)
            {
                string Label(ReportCell c) => TemplateSchema.OutcomeLabels[Array.IndexOf(TemplateSchema.OutcomeKeys, c.Column[(c.Column.LastIndexOf('.') + 1)..])];
                context.Broken(this, DiagnosticCode.ReviewLitigationGroupTotal, total!.Location,
                    $"{GroupNames[g]}: 总计 {RuleContext.N(tv)} ≠ {RuleMath.Terms(parts, Label)} = {RuleContext.N(sum.Value)}");
            }
        }
        if (notCheckable.Count > 0)
        {
            context.NotCheckable(this, t.Location, $"not checkable for {string.Join("、", notCheckable)}: a value is not stated");
        }
    }
}
