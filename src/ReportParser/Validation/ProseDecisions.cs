using System.Globalization;

namespace ReportParser.Validation;

/// <summary>One cell of a candidate split of a fused run: its text, its offset in the run, its value.</summary>
internal readonly record struct CandidateCell(string Text, int Offset, decimal Value);

/// <summary>A fused run the table's arithmetic left ambiguous: its row, the run and where it starts, and every split still allowed.</summary>
internal sealed record OpenRun(string Table, string Row, string Run, SourceLocation RunSpan, IReadOnlyList<CandidateCell[]> Splits);

/// <summary>A cell decided by the text: the new cell and the finding that says so.</summary>
internal sealed record ProseDecision(ReportCell Cell, Diagnostic Finding);

/// <summary>
/// Decides the cells of an ambiguous fused run with the figures the text states: when the row's linked statements
/// agree with exactly one of the run's candidate splits (and disagree with every other), that split's values are taken
/// for the cells left not stated, with the reason in <see cref="ReportCell.Method"/>.
/// </summary>
internal static class ProseDecisions
{
    /// <summary>The decided cells of each open run whose split the statements single out.</summary>
    public static List<ProseDecision> Decide(IReadOnlyList<OpenRun> runs, IReadOnlyList<ProseStatement> statements, Func<string, ReportTable?> tableOf)
    {
        var result = new List<ProseDecision>();
        var decidedRows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            // A row printed twice has two runs: only the first is decided (the table reader keeps the first occurrence).
            if (!decidedRows.Add(run.Table + "." + run.Row)) continue;
            if (tableOf(run.Table)?[run.Row] is not { } row || run.Splits.Count < 2) continue;
            if (row.Cells.Count != run.Splits[0].Length) continue;
            var open = Enumerable.Range(0, row.Cells.Count).Where(k => !row.Cells[k].IsStated).ToList();
            if (open.Count == 0) continue;
            var openKeys = open.Select(k => row.Cells[k].Key).ToHashSet(StringComparer.Ordinal);
            var relevant = statements.Where(s => s.IsLinked && s.Restates.Concat(s.OrRestates).Any(openKeys.Contains)).ToList();
            if (relevant.Count == 0) continue;
            var agreeing = run.Splits.Where(split => Fits(split, row, relevant, tableOf)).ToList();
            if (agreeing.Count != 1) continue;
            result.AddRange(Take(run, row, open, agreeing[0], relevant));
        }
        return result;
    }

    /// <summary>True when the split keeps the row's stated cells and every relevant statement equals its cells with the split's values.</summary>
    private static bool Fits(CandidateCell[] split, ReportRow row, List<ProseStatement> relevant, Func<string, ReportTable?> tableOf)
    {
        for (int k = 0; k < split.Length; k++)
        {
            if (row.Cells[k].Value is decimal v && v != split[k].Value) return false;
        }
        foreach (var s in relevant)
        {
            if (Reading(s.Restates) is decimal a && ProseTableRule.Agrees(s.CellQuantity, a)) continue;
            if (s.OrRestates.Count == 0) return false;
            // The second reading: a split is ruled out only when it disagrees with that reading too.
            if (Reading(s.OrRestates) is decimal b && !ProseTableRule.Agrees(s.CellQuantity, b)) return false;
        }
        return true;

        decimal? Reading(IReadOnlyList<string> keys)
        {
            decimal sum = 0;
            foreach (var key in keys)
            {
                int k = IndexIn(row, key);
                if (k >= 0) { sum += split[k].Value; continue; }
                if (CellOf(key, tableOf)?.Value is not decimal other) return null;
                sum += other;
            }
            return sum;
        }
    }

    private static List<ProseDecision> Take(OpenRun run, ReportRow row, List<int> open, CandidateCell[] split, List<ProseStatement> relevant)
    {
        var said = string.Join("; ", relevant.Select(s => $"'{s.Counts}{N(s.Quantity)}{s.Unit}' ({s.Location})"));
        var method = $"fused run '{run.Run.Trim()}' split as ({string.Join(",", split.Select(c => N(c.Value)))}): of its {run.Splits.Count} splits the table's arithmetic allows, the only one that agrees with the text {said}";
        var finding = new Diagnostic(DiagnosticCode.CellDecidedByProse, Severity.Info, run.RunSpan,
            $"row {run.Table}.{run.Row}: {method}; cells {string.Join("、", open.Select(k => row.Cells[k].Column))} taken from it") { Excerpt = run.Run };
        var result = new List<ProseDecision>();
        foreach (int k in open)
        {
            var c = split[k];
            var location = new SourceLocation(run.RunSpan.Line, run.RunSpan.Column + c.Offset) { Page = run.RunSpan.Page };
            result.Add(new ProseDecision(row.Cells[k] with { Value = c.Value, Raw = c.Text, Location = location, Method = method }, finding));
        }
        return result;
    }

    private static int IndexIn(ReportRow row, string key)
    {
        for (int k = 0; k < row.Cells.Count; k++) if (row.Cells[k].Key == key) return k;
        return -1;
    }

    private static ReportCell? CellOf(string key, Func<string, ReportTable?> tableOf)
    {
        int first = key.IndexOf('.', StringComparison.Ordinal);
        if (first < 0 || tableOf(key[..first]) is not { } table) return null;
        return table.Cells.FirstOrDefault(c => c.Key == key);
    }

    /// <summary>The table with the decided cells in place (same rows and order; other cells unchanged).</summary>
    public static T Apply<T>(T table, IReadOnlyList<ProseDecision> decisions, Func<IReadOnlyList<ReportRow>, T> create) where T : ReportTable
    {
        var byKey = new Dictionary<string, ReportCell>(StringComparer.Ordinal);
        foreach (var d in decisions) if (d.Cell.Table == table.Key) byKey.TryAdd(d.Cell.Key, d.Cell);
        if (byKey.Count == 0) return table;
        var rows = table.Rows.Select(r => r with { Cells = r.Cells.Select(c => byKey.GetValueOrDefault(c.Key, c)).ToList() }).ToList();
        return create(rows);
    }

    private static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
