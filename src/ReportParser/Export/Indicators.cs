using System.Globalization;
using ReportParser.Template;

namespace ReportParser.Export;

/// <summary>
/// The named indicators of the <c>indicators</c> table (docs/indicators.md): disclosure rates with their denominators,
/// outcome and refusal shares, backlog, applicant structure, review and litigation rates, dispute conversion, rule-making
/// net change, and the cross-year stock continuity. A value is null, with the reason, when a cell of its formula is not
/// stated, the report's template lacks it, or the denominator is 0: a blank is never read as 0.
/// </summary>
public static class Indicators
{
    /// <summary>Requests received (本年新收 + 上年结转) below this are flagged <c>small_n</c>.</summary>
    public const int SmallN = 30;

    /// <summary>The decimals a value is rounded to (numerator and denominator are exact).</summary>
    public const int Decimals = 4;

    private const string Req = TemplateSchema.Requests;
    private const string Rl = TemplateSchema.ReviewLitigation + ".Cases.";
    private const string Pd = TemplateSchema.ProactiveDisclosure;

    private static IndicatorTerm T(string row, string column = "Total") => new($"{Req}.{row}.{column}", 1);

    private static IndicatorTerm R(string column, int sign = 1) => new(Rl + column, sign);

    private static IReadOnlyList<IndicatorTerm> Group(ReportTemplate t, string prefix)
    {
        var rows = TemplateSchema.RequestsFor(t).Rows.Where(r => r.Key.StartsWith(prefix + ".", StringComparison.Ordinal));
        return rows.Select(r => new IndicatorTerm($"{Req}.{r.Key}.Total", 1, $"Σ{Req}.{prefix}.*.Total")).ToArray();
    }

    private static IReadOnlyList<IndicatorTerm> Other(ReportTemplate t) => t == ReportTemplate.V2019 ? new[] { T("Other") } : Group(t, "Other");

    private static IReadOnlyList<IndicatorTerm> Of(params IndicatorTerm[] terms) => terms;

    private static IReadOnlyList<IndicatorTerm> Of(params IReadOnlyList<IndicatorTerm>[] parts) => parts.SelectMany(p => p).ToArray();

    private static readonly IReadOnlyList<IndicatorTerm> Received = Of(T("NewRequests"), T("CarriedOver"));
    private static readonly IReadOnlyList<IndicatorTerm> Disclosed = Of(T("Granted"), T("PartiallyGranted"));
    private static readonly IReadOnlyList<IndicatorTerm> Handled = Of(T("Total"));

    private static IReadOnlyList<IndicatorTerm> Refused(ReportTemplate t) => Of(Group(t, "Denied"), Group(t, "Unable"), Group(t, "NotProcessed"));

    private static IndicatorDefinition Ratio(string name, string group, string meaning, Func<ReportTemplate, IReadOnlyList<IndicatorTerm>?> n, Func<ReportTemplate, IReadOnlyList<IndicatorTerm>?> d)
        => new(name, group, meaning, IndicatorKind.Ratio, n, d);

    private static IndicatorDefinition Fixed(string name, string group, string meaning, IReadOnlyList<IndicatorTerm> n, IReadOnlyList<IndicatorTerm> d)
        => new(name, group, meaning, IndicatorKind.Ratio, _ => n, _ => d);

    private static IReadOnlyList<IndicatorTerm>? Only2021(ReportTemplate t, IReadOnlyList<IndicatorTerm> terms) => t == ReportTemplate.V2021 ? terms : null;

    /// <summary>Every per-report indicator, in the order of the table.</summary>
    public static IReadOnlyList<IndicatorDefinition> PerReport { get; } = BuildPerReport();

    /// <summary>The cross-year indicators, computed over a whole batch (after the per-report rows of the table).</summary>
    public static IReadOnlyList<IndicatorDefinition> CrossYear { get; } =
    [
        new("carryover_gap", "stock continuity", "上年结转 of year N minus 结转下年度继续办理 of the same agency's year N−1 (0 when the stock carries over; the panel's report of year N−1)",
            IndicatorKind.CrossYear, _ => Of(T("CarriedOver")), formula: $"{Req}.CarriedOver.Total[N] − {Req}.CarriedForward.Total[N−1]"),
        new("regulations_stock_gap", "stock continuity", "现行有效 规章 of year N minus (现行有效 of year N−1 + 本年制发 − 本年废止 of year N); 0 when the stock adds up",
            IndicatorKind.CrossYear, t => Only2021(t, Of(new IndicatorTerm($"{Pd}.Regulations.InForce", 1))),
            formula: $"{Pd}.Regulations.InForce[N] − ({Pd}.Regulations.InForce[N−1] + {Pd}.Regulations.Issued[N] − {Pd}.Regulations.Repealed[N]) (2021 template, both years)"),
        new("normative_documents_stock_gap", "stock continuity", "the same for 行政规范性文件",
            IndicatorKind.CrossYear, t => Only2021(t, Of(new IndicatorTerm($"{Pd}.NormativeDocuments.InForce", 1))),
            formula: $"{Pd}.NormativeDocuments.InForce[N] − ({Pd}.NormativeDocuments.InForce[N−1] + {Pd}.NormativeDocuments.Issued[N] − {Pd}.NormativeDocuments.Repealed[N]) (2021 template, both years)"),
    ];

    /// <summary>Every indicator: <see cref="PerReport"/> then <see cref="CrossYear"/>.</summary>
    public static IReadOnlyList<IndicatorDefinition> All { get; } = PerReport.Concat(CrossYear).ToList();

    private static List<IndicatorDefinition> BuildPerReport()
    {
        var list = new List<IndicatorDefinition>
        {
            new("requests_received", "volume", "requests to handle this year: 本年新收 + 上年结转 (the small-N base)", IndicatorKind.Sum, _ => Received),
            Fixed("disclosure_rate", "disclosure", "予以公开 + 部分公开 over all requests handled (（七）总计)", Disclosed, Handled),
            Fixed("granted_rate", "disclosure", "予以公开 alone over all requests handled", Of(T("Granted")), Handled),
            Fixed("disclosure_rate_received", "disclosure", "予以公开 + 部分公开 over requests received (本年新收 + 上年结转)", Disclosed, Received),
            Ratio("disclosure_rate_merits", "disclosure", "予以公开 + 部分公开 over the requests decided on the merits (予以公开 + 部分公开 + 不予公开)",
                _ => Disclosed, t => Of(Disclosed, Group(t, "Denied"))),
            Fixed("share_partial", "outcomes", "部分公开 over all requests handled", Of(T("PartiallyGranted")), Handled),
            Ratio("share_denied", "outcomes", "不予公开 (all eight grounds) over all requests handled", t => Group(t, "Denied"), _ => Handled),
            Ratio("share_unable", "outcomes", "无法提供 (all three grounds) over all requests handled", t => Group(t, "Unable"), _ => Handled),
            Ratio("share_not_processed", "outcomes", "不予处理 (all five grounds) over all requests handled", t => Group(t, "NotProcessed"), _ => Handled),
            Ratio("share_other", "outcomes", "其他处理 (2019: the single row; 2021: its three rows) over all requests handled", Other, _ => Handled),
            Ratio("refusal_denied", "refusals", "不予公开 over all refusals (不予公开 + 无法提供 + 不予处理)", t => Group(t, "Denied"), Refused),
            Ratio("refusal_unable", "refusals", "无法提供 over all refusals", t => Group(t, "Unable"), Refused),
            Ratio("refusal_not_processed", "refusals", "不予处理 over all refusals", t => Group(t, "NotProcessed"), Refused),
            Fixed("backlog_rate", "backlog", "结转下年度继续办理 over requests received (本年新收 + 上年结转)", Of(T("CarriedForward")), Received),
        };
        foreach (var (column, name) in new[] { ("NaturalPerson", "natural_person"), ("Commercial", "commercial"), ("Research", "research"),
                     ("PublicInterest", "public_interest"), ("LegalService", "legal_service"), ("OtherOrg", "other_org") })
        {
            var label = TemplateSchema.RequestColumns.First(c => c.Key == column).Label;
            list.Add(Fixed("applicant_" + name, "applicants", $"new requests from {label} over all new requests", Of(T("NewRequests", column)), Of(T("NewRequests"))));
        }
        list.AddRange(
        [
            Fixed("review_correction_rate", "review and litigation", "行政复议 结果纠正 over all reviews (总计)", Of(R("Review.Corrected")), Of(R("Review.Total"))),
            Fixed("review_correction_closed", "review and litigation", "行政复议 结果纠正 over the closed reviews (总计 − 尚未审结)",
                Of(R("Review.Corrected")), Of(R("Review.Total"), R("Review.Pending", -1))),
            Fixed("litigation_loss_rate_direct", "review and litigation", "行政诉讼 未经复议直接起诉: 结果纠正 (the agency lost) over the group's 总计",
                Of(R("Litigation.Direct.Corrected")), Of(R("Litigation.Direct.Total"))),
            Fixed("litigation_loss_rate_after_review", "review and litigation", "行政诉讼 复议后起诉: 结果纠正 over the group's 总计",
                Of(R("Litigation.AfterReview.Corrected")), Of(R("Litigation.AfterReview.Total"))),
            Fixed("dispute_conversion", "review and litigation", "reviews and lawsuits (both groups) over new requests; a case sued after review counts in both",
                Of(R("Review.Total"), R("Litigation.Direct.Total"), R("Litigation.AfterReview.Total")), Of(T("NewRequests"))),
            new("regulations_net_change", "rule-making", "规章 本年制发 − 本年废止 (2021 template only: the 2019 template prints no repeals)", IndicatorKind.Sum,
                t => Only2021(t, Of(new IndicatorTerm($"{Pd}.Regulations.Issued", 1), new IndicatorTerm($"{Pd}.Regulations.Repealed", -1)))),
            new("normative_documents_net_change", "rule-making", "行政规范性文件 本年制发 − 本年废止 (2021 template only)", IndicatorKind.Sum,
                t => Only2021(t, Of(new IndicatorTerm($"{Pd}.NormativeDocuments.Issued", 1), new IndicatorTerm($"{Pd}.NormativeDocuments.Repealed", -1)))),
        ]);
        return list;
    }

    /// <summary>The indicator of a name, or null.</summary>
    public static IndicatorDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>Every per-report indicator of a report, in <see cref="PerReport"/> order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static IEnumerable<IndicatorRow> Of(ReportFigures report)
    {
        ArgumentNullException.ThrowIfNull(report);
        int? small = SmallNFlag(report);
        foreach (var d in PerReport) yield return Compute(report, d, small);
    }

    /// <summary>1 when fewer than <see cref="SmallN"/> requests were received, 0 when at least, null when 本年新收 or 上年结转 总计 is not stated.</summary>
    public static int? SmallNFlag(ReportFigures report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var received = Evaluate(report, Received, out _);
        return received is decimal r ? (r < SmallN ? 1 : 0) : null;
    }

    private static IndicatorRow Compute(ReportFigures report, IndicatorDefinition d, int? small)
    {
        var row = new IndicatorRow(report.File, report.Agency, report.AgencyId, report.Year, report.Template, d.Name, null, null, null, small, "");
        var n = d.Numerator(report.Template);
        if (n is null) return row with { Reason = NotInTemplate(report.Template) };
        var den = d.Denominator(report.Template);
        var num = Evaluate(report, n, out var missing);
        decimal? denominator = null;
        if (den is not null)
        {
            denominator = Evaluate(report, den, out var missingDen);
            foreach (var m in missingDen) if (!missing.Contains(m)) missing.Add(m);
        }
        row = row with { Numerator = num, Denominator = denominator };
        if (missing.Count > 0) return row with { Reason = "not stated: " + string.Join(", ", missing) };
        if (den is null) return row with { Value = num };
        if (denominator == 0) return row with { Reason = "denominator is 0" };
        return row with { Value = Round(num!.Value / denominator!.Value) };
    }

    /// <summary>The reason of a value the report's template cannot give.</summary>
    internal static string NotInTemplate(ReportTemplate t) => IndicatorDefinition.Supported(t)
        ? $"not in the {t.ToKey()} template"
        : $"a {t.ToKey()} report has no standard tables";

    /// <summary>A value rounded to <see cref="Decimals"/> decimals, away from zero at the midpoint.</summary>
    internal static decimal Round(decimal v) => Math.Round(v, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>The sum of the terms, or null with the keys that are not stated.</summary>
    internal static decimal? Evaluate(ReportFigures report, IReadOnlyList<IndicatorTerm> terms, out List<string> missing)
    {
        missing = new List<string>();
        decimal sum = 0;
        foreach (var t in terms)
        {
            if (report.Value(t.Key) is decimal v) sum += t.Sign * v;
            else missing.Add(t.Key);
        }
        return missing.Count == 0 ? sum : null;
    }

    /// <summary>The indicators as a Markdown document (the text of <c>docs/indicators.md</c>).</summary>
    public static string ToMarkdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(IndicatorDocs.Intro);
        foreach (var group in All.GroupBy(d => d.Group))
        {
            sb.Append("\n### ").Append(group.Key).Append("\n\n| indicator | kind | formula | meaning |\n|---|---|---|---|\n");
            foreach (var d in group)
            {
                sb.Append("| `").Append(d.Name).Append("` | ").Append(d.Kind.ToString().ToLowerInvariant()).Append(" | ")
                    .Append(d.Formula()).Append(" | ").Append(d.Meaning).Append(" |\n");
            }
        }
        sb.Append(IndicatorDocs.Outro);
        return sb.ToString();
    }

    internal static string Format(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
}
