using System.Globalization;

namespace ReportParser.Validation;

/// <summary>A finding of a cross-report check, attached to one file of the batch.</summary>
/// <param name="Index">The file's position in the batch (findings are ordered by it).</param>
/// <param name="File">The file the finding is about.</param>
/// <param name="Diagnostic">The finding; its span is unknown (it is about the file as a whole or about a row named in the message).</param>
public sealed record CrossReportFinding(long Index, string File, Diagnostic Diagnostic);

/// <summary>
/// Checks across the reports of a batch, run once every report is parsed, over the small
/// <see cref="CrossYearSummary"/> of each:
/// <list type="bullet">
/// <item><c>CrossReport.Duplicate</c> (RP4007): the same report twice, as identical bytes, or with the same agency, year
/// and table values (e.g. the HTML page and the PDF of one report); reported on the later file.</item>
/// <item><c>CrossReport.CopiedTables</c> (RP4008): identical table values (the same <see cref="CrossYearSummary.TablesHash"/>,
/// which is only given for tables with a few non-zero cells) under another agency or year; reported on the later file.</item>
/// <item><c>CrossYear.CarryOver</c> (RP4006): for one agency, year N's 上年结转 differs from year N−1's 结转下年度继续办理
/// in a column where both are stated; reported on year N's report.</item>
/// <item><c>Quality.Repetition</c> (RP5020, category quality): for one agency, more than half of year N's prose (by characters of
/// the sentences, figures ignored) repeats year N−1's (内容雷同); reported on year N's report.</item>
/// <item><c>Quality.Repetition</c> (RP5021, category quality): table 三 or 四 of a report has the detail cells of another agency's
/// report but other totals (a copied table whose totals were changed); reported on the later file.</item>
/// </list>
/// The later copy of a duplicate takes no part in the carry-over and repetition checks. Findings are warnings, ordered by file
/// position. The repetition checks use the fingerprints of <see cref="CrossYearSummary.Sentences"/> and
/// <see cref="CrossYearSummary.TableFingerprints"/> (a shard merge reads them back from the reports table).
/// </summary>
public static class CrossYearChecks
{
    /// <summary>The rule key of the carry-over check.</summary>
    public const string CarryOverRule = "CrossYear.CarryOver";

    /// <summary>The rule key of the duplicate check.</summary>
    public const string DuplicateRule = "CrossReport.Duplicate";

    /// <summary>The rule key of the copied-tables check.</summary>
    public const string CopiedTablesRule = "CrossReport.CopiedTables";

    /// <summary>The rule key of the repetition checks.</summary>
    public const string RepetitionRule = "Quality.Repetition";

    /// <summary>More than this share of a report's prose repeating the previous year's is 内容雷同.</summary>
    public const double RepeatedShare = 0.5;

    /// <summary>A report with less prose than this (characters of kept sentences) is not judged for repetition.</summary>
    public const int MinProseForRepetition = 200;

    /// <summary>True for the codes this class reports (a shard merge drops and recomputes them).</summary>
    public static bool IsCrossReportCode(DiagnosticCode code)
        => code is DiagnosticCode.CrossYearCarryOver or DiagnosticCode.DuplicateReport or DiagnosticCode.CopiedTables
            or DiagnosticCode.RepeatedProse or DiagnosticCode.CopiedTableChangedTotals;

    /// <summary>Runs the checks.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> is null.</exception>
    public static IReadOnlyList<CrossReportFinding> Check(IEnumerable<CrossYearSummary> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var list = reports.OrderBy(r => r.Index).ToList();
        var run = new Findings();
        var duplicates = CheckDuplicates(list, run);
        CheckCarryOver(list, duplicates, run);
        CheckCopiedTables(list, duplicates, run);
        CheckRepeatedProse(list, duplicates, run);
        return run.InOrder();
    }

    /// <summary>The findings of one run, listed by report, then in the order found.</summary>
    private sealed class Findings
    {
        private readonly List<(long Index, int Order, CrossReportFinding Finding)> _items = new();

        public void Add(CrossYearSummary r, DiagnosticCode code, string rule, string message)
            => _items.Add((r.Index, _items.Count, new CrossReportFinding(r.Index, r.File, new Diagnostic(code, Severity.Warning, SourceLocation.Unknown, message) { Rule = rule })));

        public IReadOnlyList<CrossReportFinding> InOrder() => _items.OrderBy(f => f.Index).ThenBy(f => f.Order).Select(f => f.Finding).ToList();
    }

    /// <summary>Byte-identical files, and reports whose table values equal an earlier one's: duplicates or copied tables. Returns the duplicates.</summary>
    private static HashSet<long> CheckDuplicates(List<CrossYearSummary> list, Findings findings)
    {
        var duplicates = new HashSet<long>();
        var firstByContent = new Dictionary<string, CrossYearSummary>(StringComparer.Ordinal);
        var firstByTables = new Dictionary<string, CrossYearSummary>(StringComparer.Ordinal);
        foreach (var r in list)
        {
            if (r.ContentHash is { } ch && !firstByContent.TryAdd(ch, r))
            {
                duplicates.Add(r.Index);
                findings.Add(r, DiagnosticCode.DuplicateReport, DuplicateRule, $"the same report as {firstByContent[ch].File}: the files are byte for byte identical");
                continue;
            }
            if (r.TablesHash is not { } th || firstByTables.TryAdd(th, r)) continue;
            var original = firstByTables[th];
            if (SameAgency(r.Agency, original.Agency) && r.Year == original.Year)
            {
                duplicates.Add(r.Index);
                findings.Add(r, DiagnosticCode.DuplicateReport, DuplicateRule,
                    $"the same report as {original.File}: same agency ({r.Agency ?? "not found"}), year ({Year(r.Year)}) and table values");
            }
            else
            {
                findings.Add(r, DiagnosticCode.CopiedTables, CopiedTablesRule,
                    $"every table value equals those of {original.File} ({original.Agency ?? "agency not found"}, {Year(original.Year)}), a report of {(SameAgency(r.Agency, original.Agency) ? "another year" : "another agency")}: the tables look copied");
            }
        }
        return duplicates;
    }

    /// <summary>二、上年结转 of each agency's year against 四、结转下年度继续办理 of its previous year (the first report of each agency and year).</summary>
    private static void CheckCarryOver(List<CrossYearSummary> list, HashSet<long> duplicates, Findings findings)
    {
        var byAgencyYear = new Dictionary<(string Agency, int Year), CrossYearSummary>();
        foreach (var r in list)
        {
            if (Key(r, duplicates) is { } key) byAgencyYear.TryAdd(key, r);
        }
        foreach (var r in list)
        {
            if (Key(r, duplicates) is not { } key || !ReferenceEquals(byAgencyYear[key], r)) continue;
            if (!byAgencyYear.TryGetValue((key.Agency, key.Year - 1), out var previous)) continue;
            var differences = CarryOverDifferences(r, previous);
            if (differences.Count > 0)
            {
                findings.Add(r, DiagnosticCode.CrossYearCarryOver, CarryOverRule,
                    $"二、上年结转 of {key.Year} differs from 四、结转下年度继续办理 of {key.Year - 1} in {previous.File}: {string.Join("; ", differences)}");
            }
        }
    }

    /// <summary>Tables whose detail cells equal an earlier report's of another agency while their totals differ.</summary>
    private static void CheckCopiedTables(List<CrossYearSummary> list, HashSet<long> duplicates, Findings findings)
    {
        var first = new Dictionary<(string Table, string Detail), (CrossYearSummary Report, string Full)>();
        foreach (var r in list)
        {
            if (duplicates.Contains(r.Index)) continue;
            foreach (var t in r.TableFingerprints)
            {
                if (t.Detail is null || first.TryAdd((t.Table, t.Detail), (r, t.Full))) continue;
                var (original, full) = first[(t.Table, t.Detail)];
                if (full == t.Full || SameAgency(r.Agency, original.Agency)) continue;
                findings.Add(r, DiagnosticCode.CopiedTableChangedTotals, RepetitionRule,
                    $"table {(t.Table == "Requests" ? "三" : "四")} ({t.Table}) has every detail cell of {original.File} ({original.Agency ?? "agency not found"}, {Year(original.Year)}) but other totals: the table looks copied and its totals changed");
            }
        }
    }

    /// <summary>Each agency's year against its previous year: the share of the prose's characters in sentences both print.</summary>
    private static void CheckRepeatedProse(List<CrossYearSummary> list, HashSet<long> duplicates, Findings findings)
    {
        var byAgencyYear = new Dictionary<(string Agency, int Year), CrossYearSummary>();
        foreach (var r in list)
        {
            if (Key(r, duplicates) is { } key && r.Sentences.Count > 0) byAgencyYear.TryAdd(key, r);
        }
        foreach (var ((agency, year), r) in byAgencyYear)
        {
            if (!byAgencyYear.TryGetValue((agency, year - 1), out var previous)) continue;
            var before = previous.Sentences.Select(s => s.Hash).ToHashSet();
            long total = r.Sentences.Sum(s => (long)s.Length);
            long repeated = r.Sentences.Where(s => before.Contains(s.Hash)).Sum(s => (long)s.Length);
            if (total < MinProseForRepetition || repeated <= total * RepeatedShare) continue;
            findings.Add(r, DiagnosticCode.RepeatedProse, RepetitionRule,
                $"{(100.0 * repeated / total).ToString("0", CultureInfo.InvariantCulture)}% of the prose (by characters, figures ignored) repeats the report on {year - 1} in {previous.File}: more than half is the same text (内容雷同)");
        }
    }

    private static (string Agency, int Year)? Key(CrossYearSummary r, HashSet<long> duplicates)
        => !duplicates.Contains(r.Index) && Normalize(r.Agency) is { } a && r.Year is int y ? (a, y) : null;

    private static List<string> CarryOverDifferences(CrossYearSummary r, CrossYearSummary previous)
    {
        var differences = new List<string>();
        for (int c = 0; c < r.CarriedOver.Count && c < previous.CarriedForward.Count; c++)
        {
            if (r.CarriedOver[c] is decimal now && previous.CarriedForward[c] is decimal then && now != then)
            {
                differences.Add($"{CrossYearSummary.ApplicantLabels[c]} {N(now)} ≠ {N(then)}");
            }
        }
        return differences;
    }

    private static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "year not found";

    private static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private static bool SameAgency(string? a, string? b) => Normalize(a) is { } x && x == Normalize(b);

    private static string? Normalize(string? agency)
    {
        if (string.IsNullOrWhiteSpace(agency)) return null;
        var chars = agency.Where(ch => !char.IsWhiteSpace(ch)).ToArray();
        return new string(chars);
    }
}
