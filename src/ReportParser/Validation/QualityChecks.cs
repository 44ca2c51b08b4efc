using System.Globalization;
using ReportParser.Text;

namespace ReportParser.Validation;

/// <summary>
/// The evaluators' checks of one report, as diagnostics of category <see cref="DiagnosticCategory.Quality"/>: never
/// errors, never about whether a value was read right. Each is documented with its source rule in docs/quality-checks.md.
/// <list type="bullet">
/// <item><c>Quality.Timeliness</c> (RP5001, RP5002): published by 31 January (departments) or 31 March (governments), 条例 第四十九条.</item>
/// <item><c>Quality.Completeness</c> (RP5010–RP5012): the six sections, the three tables, the 2021 template from report year 2021.</item>
/// <item><c>Quality.Substance</c> (RP5030): the account of requests and the problems section are not empty or boilerplate.</item>
/// </list>
/// The batch checks of repetition are in <see cref="CrossYearChecks"/>.
/// </summary>
public static class QualityChecks
{
    /// <summary>The rule key of the timeliness check.</summary>
    public const string TimelinessRule = "Quality.Timeliness";

    /// <summary>The rule key of the completeness checks.</summary>
    public const string CompletenessRule = "Quality.Completeness";

    /// <summary>The rule key of the substance checks.</summary>
    public const string SubstanceRule = "Quality.Substance";

    /// <summary>The account of requests (section 三's text and the sentences of section 一 that speak of 申请) needs at least this many Chinese characters.</summary>
    public const int MinRequestsText = 30;

    /// <summary>The problems section (五) needs at least this many Chinese characters.</summary>
    public const int MinProblemsText = 60;

    private static readonly SectionKind[] TemplateSections =
        { SectionKind.Overview, SectionKind.ProactiveDisclosure, SectionKind.Requests, SectionKind.ReviewLitigation, SectionKind.Problems, SectionKind.OtherMatters };

    private static readonly string[] SectionNumbers = { "一", "二", "三", "四", "五", "六" };

    /// <summary>Runs the checks over a parsed report (one on the 2019 or 2021 template, or a legacy report for timeliness only).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<Diagnostic> Check(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var found = new List<Diagnostic>();
        Timeliness(report, found);
        if (report.Metadata.Template is ReportTemplate.V2019 or ReportTemplate.V2021)
        {
            Completeness(report, found);
            Substance(report, found);
        }
        return found;
    }

    private static void Add(List<Diagnostic> found, DiagnosticCode code, Severity severity, string rule, SourceLocation at, string message)
        => found.Add(new Diagnostic(code, severity, at, message) { Rule = rule });

    /// <summary>What kind of agency publishes: the deadline of 条例 第四十九条 depends on it.</summary>
    internal enum AgencyKind { Unknown, Government, Department }

    private static readonly string[] DepartmentEndings = { "局", "委员会", "厅", "办公室", "办公厅", "委", "办", "中心", "院", "所", "署", "队" };

    /// <summary>A county-level or higher government (…人民政府), a department (…局, …委员会, …办公室), or unknown (townships, 管委会, others).</summary>
    internal static AgencyKind KindOf(string? agency)
    {
        if (string.IsNullOrWhiteSpace(agency)) return AgencyKind.Unknown;
        var a = string.Concat(agency.Where(c => !char.IsWhiteSpace(c)));
        if (a.Contains("管委会", StringComparison.Ordinal) || a.Contains("管理委员会", StringComparison.Ordinal) || a.Contains("街道", StringComparison.Ordinal)) return AgencyKind.Unknown;
        if (a.EndsWith("人民政府", StringComparison.Ordinal))
            return a.EndsWith("镇人民政府", StringComparison.Ordinal) || a.EndsWith("乡人民政府", StringComparison.Ordinal) ? AgencyKind.Unknown : AgencyKind.Government;
        return DepartmentEndings.Any(e => a.EndsWith(e, StringComparison.Ordinal)) ? AgencyKind.Department : AgencyKind.Unknown;
    }

    private static void Timeliness(AnnualReport report, List<Diagnostic> found)
    {
        var m = report.Metadata;
        if (m.PublishedOn is not DateOnly published || m.Year is not int year)
        {
            Add(found, DiagnosticCode.TimelinessNotCheckable, Severity.Info, TimelinessRule, SourceLocation.Unknown,
                m.Year is null ? "the report year is not known: timeliness is not checkable"
                    : "the publication date is not printed in the document or its page: timeliness is not checkable");
            return;
        }
        // Report years to 2018 fall under the 2008 regulation (第三十一条: every agency by 31 March).
        var kind = year <= 2018 ? AgencyKind.Government : KindOf(m.Agency);
        var january = new DateOnly(year + 1, 1, 31);
        var march = new DateOnly(year + 1, 3, 31);
        var deadline = kind == AgencyKind.Department ? january : march;
        if (published > deadline)
        {
            string who = kind switch
            {
                AgencyKind.Department => "a department's report is due by 31 January",
                AgencyKind.Government when year <= 2018 => "under the 2008 regulation every agency's report is due by 31 March (2008 条例 第三十一条)",
                AgencyKind.Government => "a government's report is due by 31 March",
                _ => "whether the agency is a government or a department is not known, and even the later deadline (31 March) has passed",
            };
            Add(found, DiagnosticCode.PublishedLate, Severity.Warning, TimelinessRule, SourceLocation.Unknown,
                $"published on {D(published)}, {(published.DayNumber - deadline.DayNumber).ToString(CultureInfo.InvariantCulture)} day(s) after {D(deadline)}: {who}{(year <= 2018 ? "" : " (条例 第四十九条)")}");
        }
        else if (kind == AgencyKind.Unknown && published > january)
        {
            Add(found, DiagnosticCode.TimelinessNotCheckable, Severity.Info, TimelinessRule, SourceLocation.Unknown,
                $"published on {D(published)}, after 31 January but by 31 March: on time for a government, late for a department, and the agency ({m.Agency ?? "not found"}) is not known to be either");
        }
    }

    private static void Completeness(AnnualReport report, List<Diagnostic> found)
    {
        var missing = new List<string>();
        for (int i = 0; i < TemplateSections.Length; i++)
        {
            if (report.Section(TemplateSections[i]) is null) missing.Add($"{SectionNumbers[i]}（{TemplateSections[i]}）");
        }
        if (missing.Count > 0)
        {
            Add(found, DiagnosticCode.SectionsIncomplete, Severity.Warning, CompletenessRule, SourceLocation.Unknown,
                $"{missing.Count} of the template's six sections absent: {string.Join("、", missing)}");
        }
        var tables = new List<string>();
        if (report.ProactiveDisclosure is null) tables.Add("二 (ProactiveDisclosure)");
        if (report.Requests is null) tables.Add("三 (Requests)");
        if (report.ReviewLitigation is null) tables.Add("四 (ReviewLitigation)");
        if (tables.Count > 0)
        {
            Add(found, DiagnosticCode.TablesIncomplete, Severity.Warning, CompletenessRule, SourceLocation.Unknown,
                $"table(s) {string.Join("、", tables)} of the template absent");
        }
        if (report.Metadata.Year is >= 2021 && report.Metadata.Template == ReportTemplate.V2019)
        {
            Add(found, DiagnosticCode.OutdatedTemplate, Severity.Warning, CompletenessRule, SourceLocation.Unknown,
                $"a report on {report.Metadata.Year.Value.ToString(CultureInfo.InvariantCulture)} printed on the 2019 template: the 2021 template (国办公开办函〔2021〕30号) applies from report year 2021");
        }
    }

    /// <summary>Boilerplate that says nothing: a section that holds only these (after dropping punctuation) has no substance.</summary>
    private static readonly HashSet<string> Boilerplate = new(StringComparer.Ordinal)
    {
        "无", "暂无", "没有", "本年度无", "无相关情况", "不存在", "无存在的主要问题", "暂无存在的主要问题", "本机关无", "无问题", "暂无问题", "暂未发现问题", "无其他需要报告的事项",
    };

    private static void Substance(AnnualReport report, List<Diagnostic> found)
    {
        if (report.Section(SectionKind.Requests) is { } requests)
        {
            var own = Prose(requests);
            var overview = report.Section(SectionKind.Overview) is { } o
                ? string.Concat(Sentences(Prose(o)).Where(IsAboutRequests))
                : "";
            int han = Han(own) + Han(overview);
            if (han < MinRequestsText)
            {
                Add(found, DiagnosticCode.ThinSection, Severity.Info, SubstanceRule, requests.Location,
                    $"section 三 (Requests): the text says {han.ToString(CultureInfo.InvariantCulture)} Chinese character(s) about requests besides the table (section 一's sentences on 申请 included), fewer than {MinRequestsText.ToString(CultureInfo.InvariantCulture)}: no account of how requests were handled");
            }
        }
        if (report.Section(SectionKind.Problems) is { } problems)
        {
            var text = Prose(problems);
            int han = Han(text);
            if (Boilerplate.Contains(HanOnly(text)) || han < MinProblemsText)
            {
                Add(found, DiagnosticCode.ThinSection, Severity.Info, SubstanceRule, problems.Location,
                    Boilerplate.Contains(HanOnly(text))
                        ? $"section 五 (Problems) holds only boilerplate ('{Excerpt(text)}'): no problem and no improvement is named"
                        : $"section 五 (Problems) has {han.ToString(CultureInfo.InvariantCulture)} Chinese character(s), fewer than {MinProblemsText.ToString(CultureInfo.InvariantCulture)}: problems and improvements are not described");
            }
        }
    }

    /// <summary>A sentence about information-disclosure requests (申请), not one about 被申请行政复议 or lawsuits.</summary>
    private static bool IsAboutRequests(string s)
        => s.Contains("申请", StringComparison.Ordinal) && !s.Contains("行政复议", StringComparison.Ordinal) && !s.Contains("诉讼", StringComparison.Ordinal);

    private static string Prose(ReportSection s) => ProseText.Prose(s);

    private static IEnumerable<string> Sentences(string text) => ProseText.Sentences(text);

    private static int Han(string s) => ProseText.Han(s);

    private static string HanOnly(string s) => string.Concat(s.Where(c => c is >= '\u4E00' and <= '\u9FFF'));

    private static string Excerpt(string s) => s.Length <= 30 ? s.Trim() : s[..30].Trim() + "…";

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
