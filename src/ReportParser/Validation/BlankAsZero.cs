namespace ReportParser.Validation;

/// <summary>
/// The blank-as-zero view: many publishers leave a 0 cell blank, which the parser reads as "not stated". This re-checks
/// the rules on a copy of the report whose blank cells (<see cref="ReportRow.IsBlank"/>: empty in a printed row, not a
/// missing row or a placeholder text) are 0, and reports what changes under that assumption, never replacing a value or a finding:
/// RP4091 (warning) for a finding the assumption adds, RP4092 (info) for a rule not checkable as published that holds.
/// </summary>
public static class BlankAsZero
{
    /// <summary>The report with every blank cell read as 0; the other cells, the metadata and the sections as they are.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static AnnualReport Assume(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new AnnualReport(report.Metadata, report.Preamble, report.Sections,
            report.ProactiveDisclosure is { } p ? new ProactiveDisclosureTable(p.Template, Fill(p.Rows), p.Location) : null,
            report.Requests is { } r ? new RequestsTable(r.Template, Fill(r.Rows), r.Location) : null,
            report.ReviewLitigation is { } v ? new ReviewLitigationTable(v.Template, Fill(v.Rows), v.Location) : null);
    }

    private static List<ReportRow> Fill(IReadOnlyList<ReportRow> rows)
        => rows.Select(r => r with { Cells = r.Cells.Select(c => r.IsBlank(c) ? c with { Value = 0 } : c).ToList() }).ToList();

    /// <summary>The findings of the blank-as-zero view of a report (none when it has no blank cell).</summary>
    /// <param name="report">The parsed report.</param>
    /// <param name="found">The diagnostics of its parse.</param>
    /// <param name="rules">The rules; <see cref="ReportRules.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="found"/> is null.</exception>
    public static IReadOnlyList<Diagnostic> Recheck(AnnualReport report, IReadOnlyList<Diagnostic> found, IReadOnlyList<IReportRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(found);
        int blanks = report.Tables.SelectMany(t => t.Rows).Sum(r => r.Cells.Count(r.IsBlank));
        if (blanks == 0) return [];
        var again = new List<Diagnostic>();
        var context = new RuleContext(again.Add);
        var filled = Assume(report);
        foreach (var rule in rules ?? ReportRules.Default)
        {
            try
            {
                rule.Check(filled, context);
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                // The rule already reported its failure on the report as published.
            }
        }
        var published = found.Where(d => d.Rule is not null && d.Code != DiagnosticCode.RuleNotCheckable).Select(d => (d.Rule, d.Message)).ToHashSet();
        var result = new List<Diagnostic>();
        var assumption = $"with the {blanks} blank cell(s) read as 0";
        foreach (var d in again.Where(d => d.Code != DiagnosticCode.RuleNotCheckable && !published.Contains((d.Rule, d.Message))))
            result.Add(new Diagnostic(DiagnosticCode.BlankAsZeroBroken, Severity.Warning, d.Location, $"{assumption}: {d.Message}") { Rule = d.Rule });
        foreach (var n in found.Where(d => d.Code == DiagnosticCode.RuleNotCheckable && d.Rule is not null).GroupBy(d => d.Rule).Select(g => g.First()))
        {
            if (again.Any(d => d.Rule == n.Rule)) continue; // broken (reported above) or still not checkable
            result.Add(new Diagnostic(DiagnosticCode.BlankAsZeroHolds, Severity.Info, n.Location, $"{n.Rule} holds {assumption} (not checkable as published)") { Rule = n.Rule });
        }
        return result;
    }
}
