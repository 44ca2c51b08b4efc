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
/// <item><c>CrossReport.CopiedTables</c> (RP4008): identical table values (with at least
/// <see cref="CrossYearSummary.MinNonZeroCells"/> non-zero cells) under another agency or year; reported on the later file.</item>
/// <item><c>CrossYear.CarryOver</c> (RP4006): for one agency, year N's 上年结转 differs from year N−1's 结转下年度继续办理
/// in a column where both are stated; reported on year N's report.</item>
/// </list>
/// The later copy of a duplicate takes no part in the carry-over check. Findings are warnings, ordered by file position.
/// </summary>
public static class CrossYearChecks
{
    /// <summary>The rule key of the carry-over check.</summary>
    public const string CarryOverRule = "CrossYear.CarryOver";

    /// <summary>The rule key of the duplicate check.</summary>
    public const string DuplicateRule = "CrossReport.Duplicate";

    /// <summary>The rule key of the copied-tables check.</summary>
    public const string CopiedTablesRule = "CrossReport.CopiedTables";

    /// <summary>True for the codes this class reports (a shard merge drops and recomputes them).</summary>
    public static bool IsCrossReportCode(DiagnosticCode code)
        => code is DiagnosticCode.CrossYearCarryOver or DiagnosticCode.DuplicateReport or DiagnosticCode.CopiedTables;

    /// <summary>Runs the checks.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> is null.</exception>
    public static IReadOnlyList<CrossReportFinding> Check(IEnumerable<CrossYearSummary> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var list = reports.OrderBy(r => r.Index).ToList();
        var findings = new List<(long Index, int Order, CrossReportFinding Finding)>();
        var duplicates = new HashSet<long>();
        int order = 0;

        void Add(CrossYearSummary r, DiagnosticCode code, string rule, string message)
            => findings.Add((r.Index, order++, new CrossReportFinding(r.Index, r.File, new Diagnostic(code, Severity.Warning, SourceLocation.Unknown, message) { Rule = rule })));

        var firstByContent = new Dictionary<string, CrossYearSummary>(StringComparer.Ordinal);
        var firstByTables = new Dictionary<string, CrossYearSummary>(StringComparer.Ordinal);
        foreach (var r in list)
        {
            if (r.ContentHash is { } ch)
            {
                if (firstByContent.TryGetValue(ch, out var first))
                {
                    duplicates.Add(r.Index);
                    Add(r, DiagnosticCode.DuplicateReport, DuplicateRule, $"the same report as {first.File}: the files are byte for byte identical");
                    continue;
                }
                firstByContent[ch] = r;
            }
            if (r.TablesHash is not { } th) continue;
            if (!firstByTables.TryGetValue(th, out var original))
            {
                firstByTables[th] = r;
                continue;
            }
            if (SameAgency(r.Agency, original.Agency) && r.Year == original.Year)
            {
                duplicates.Add(r.Index);
                Add(r, DiagnosticCode.DuplicateReport, DuplicateRule,
                    $"the same report as {original.File}: same agency ({r.Agency ?? "not found"}), year ({Year(r.Year)}) and table values");
            }
            else
            {
                Add(r, DiagnosticCode.CopiedTables, CopiedTablesRule,
                    $"every table value equals those of {original.File} ({original.Agency ?? "agency not found"}, {Year(original.Year)}), a report of {(SameAgency(r.Agency, original.Agency) ? "another year" : "another agency")}: the tables look copied");
            }
        }

        var byAgencyYear = new Dictionary<(string Agency, int Year), CrossYearSummary>();
        foreach (var r in list)
        {
            if (duplicates.Contains(r.Index) || Normalize(r.Agency) is not { } a || r.Year is not int y) continue;
            byAgencyYear.TryAdd((a, y), r);
        }
        foreach (var r in list)
        {
            if (duplicates.Contains(r.Index) || Normalize(r.Agency) is not { } a || r.Year is not int y) continue;
            if (!ReferenceEquals(byAgencyYear[(a, y)], r)) continue;
            if (!byAgencyYear.TryGetValue((a, y - 1), out var previous)) continue;
            var differences = new List<string>();
            for (int c = 0; c < r.CarriedOver.Count && c < previous.CarriedForward.Count; c++)
            {
                if (r.CarriedOver[c] is decimal now && previous.CarriedForward[c] is decimal then && now != then)
                {
                    differences.Add($"{Export.ReportCellKeys.RequestColumnLabels[c]} {N(now)} ≠ {N(then)}");
                }
            }
            if (differences.Count > 0)
            {
                Add(r, DiagnosticCode.CrossYearCarryOver, CarryOverRule,
                    $"二、上年结转 of {y} differs from 四、结转下年度继续办理 of {y - 1} in {previous.File}: {string.Join("; ", differences)}");
            }
        }
        return findings.OrderBy(f => f.Index).ThenBy(f => f.Order).Select(f => f.Finding).ToList();
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
