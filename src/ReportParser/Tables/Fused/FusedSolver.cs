using System.Globalization;
using ReportParser.Diagnostics;
using ReportParser.Template;

namespace ReportParser.Tables.Fused;

/// <summary>A table row found in running text: the template row, its printed label and its fused run of values.</summary>
internal sealed class FusedRow
{
    public required RowDefinition Def { get; init; }

    /// <summary>The printed label (with its enumerator), as in the source.</summary>
    public required string Label { get; init; }

    /// <summary>The run of values as printed (spaces kept).</summary>
    public required string Run { get; init; }

    public required SourceLocation LabelSpan { get; init; }

    /// <summary>Location of the run's first character; a cell's column is this plus its offset.</summary>
    public required SourceLocation RunSpan { get; init; }

    /// <summary>Splits allowed by count, spaces, leading zeros, signs, decimals and units.</summary>
    public List<RunCell[]> Weak { get; set; } = new();

    /// <summary>The splits kept after the rules; one when the row is determined.</summary>
    public List<RunCell[]> Kept { get; set; } = new();

    /// <summary>Values per column: a value when every kept split agrees, else null.</summary>
    public decimal?[] Values { get; set; } = Array.Empty<decimal?>();

    /// <summary>Cell text per column for the determined cells.</summary>
    public string?[] Texts { get; set; } = Array.Empty<string?>();

    /// <summary>Offsets per column for the determined cells.</summary>
    public int[] Offsets { get; set; } = Array.Empty<int>();

    public bool Bounded { get; set; }

    /// <summary>
    /// True when the run had too many splits to list, and only the splits whose every group (table 四) satisfies its
    /// total were searched.
    /// </summary>
    public bool GroupSearch { get; set; }

    /// <summary>True when the run needed splitting (it is not already one space-separated value per column).</summary>
    public bool Fused => RunSplitter.Segments(Run).Count != Def.Columns.Count;
}

/// <summary>
/// Chooses the splits of the fused rows of one table: local rules per row (row totals, table 四's group
/// totals), then the column rules of table 三 (balance, outcome total) jointly over the rows still open,
/// then numbers the report states in its text as tie-breakers. Writes the diagnostics for each row.
/// </summary>
internal static class FusedSolver
{
    /// <summary>Splits kept per row at most.</summary>
    public const int RowLimit = 4000;

    /// <summary>Combinations tried across rows at most.</summary>
    public const int JointLimit = 200_000;

    /// <summary>Cells per group of table 四 (结果维持, 结果纠正, 其他结果, 尚未审结, 总计).</summary>
    private const int ReviewGroupSize = 5;

    private static readonly HashSet<string> NotOutcomes = new() { "NewRequests", "CarriedOver", "Total", "CarriedForward" };

    /// <summary>Splits the rows' runs; throws <see cref="OperationCanceledException"/> when <paramref name="token"/> fires (nothing is written back then).</summary>
    public static void Solve(string table, List<FusedRow> rows, Func<FusedRow, HashSet<decimal>> hints, DiagnosticBag bag, CancellationToken token = default)
    {
        foreach (var r in rows)
        {
            token.ThrowIfCancellationRequested();
            SplitRow(table, r, bag);
        }

        bool consistent = true;
        string? relaxed = null;
        if (table == TemplateSchema.Requests)
        {
            consistent = JointRequests(rows, bag, token);
            if (!consistent) relaxed = FewestBroken(rows, token);
        }

        foreach (var r in rows)
        {
            var note = "";
            if (r.Kept.Count > 1)
            {
                var h = hints(r);
                if (h.Count > 0)
                {
                    var scored = r.Kept.Select(c => (Split: c, Score: c.Count(x => x.Value >= 2 && h.Contains(x.Value)))).ToList();
                    int max = scored.Max(s => s.Score);
                    if (max > 0 && scored.Count(s => s.Score == max) > 1)
                    {
                        var best = scored.Where(s => s.Score == max).Select(s => s.Split).ToList();
                        note = $" (narrowed from {r.Kept.Count} by numbers the report's text states near the row's words: {string.Join("、", h.Where(v => v >= 2).Order().Take(8).Select(N))})";
                        r.Kept = best;
                    }
                    else if (max > 0)
                    {
                        var chosen = scored.First(s => s.Score == max).Split;
                        note = $" (the report's text states {string.Join("、", chosen.Where(x => h.Contains(x.Value)).Select(x => N(x.Value)).Distinct())}; other splits were {string.Join(", ", r.Kept.Where(k => k != chosen).Take(6).Select(Show))})";
                        r.Kept = new List<RunCell[]> { chosen };
                    }
                }
            }
            Finish(r, consistent, relaxed, note, bag);
        }
    }

    /// <summary>The row's splits allowed by its cells' forms, then those its own totals allow (all of them when none does).</summary>
    private static void SplitRow(string table, FusedRow r, DiagnosticBag bag)
    {
        var kinds = r.Def.Columns.Select(c => c.Kind).ToArray();
        r.Weak = RunSplitter.Split(r.Run, kinds, RowLimit, out var bounded);
        if (bounded && table == TemplateSchema.ReviewLitigation && kinds.Length == ReviewGroupSize * TemplateSchema.GroupKeys.Length)
        {
            // Too many splits to list (a run with many more digits than cells): search group by group instead,
            // each group of five closed by its 总计, which prunes every branch whose group breaks its sum.
            var grouped = RunSplitter.Split(r.Run, kinds, RowLimit, out bool groupedBounded, ReviewGroupSize);
            if (!groupedBounded)
            {
                r.Weak = grouped;
                r.GroupSearch = true;
                bounded = false;
            }
        }
        r.Bounded = bounded;
        if (bounded)
        {
            bag.Warning(DiagnosticCode.FusedRunBound, r.RunSpan,
                $"row {Name(r)}: the run '{r.Run}' allows more than {RowLimit} splits; the search stopped there and the row is left not stated", r.Run);
            r.Weak.Clear();
        }
        var local = r.Weak.Where(c => LocalOk(table, c)).ToList();
        r.Kept = local.Count > 0 ? local : r.Weak;
    }

    /// <summary>The warning for a row no split was kept for (a bounded search has its own).</summary>
    private static void Unsplit(FusedRow r, int n, DiagnosticBag bag)
    {
        if (r.GroupSearch)
        {
            bag.Warning(DiagnosticCode.FusedRunAmbiguous, r.RunSpan,
                $"row {Name(r)}: the run '{r.Run.Trim()}' has too many digits to try every split into {n} cells, and no split lets every group's 总计 equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结; its cells are not stated", r.Run);
        }
        else if (!r.Bounded)
        {
            bag.Warning(DiagnosticCode.FusedRunAmbiguous, r.RunSpan,
                $"row {Name(r)}: the run '{r.Run.Trim()}' cannot be split into {n} cells (too few or malformed digits); its cells are not stated", r.Run);
        }
    }

    private static void Finish(FusedRow r, bool consistent, string? relaxed, string note, DiagnosticBag bag)
    {
        int n = r.Def.Columns.Count;
        r.Values = new decimal?[n];
        r.Texts = new string?[n];
        r.Offsets = new int[n];
        if (r.Kept.Count == 0)
        {
            Unsplit(r, n, bag);
            return;
        }
        for (int k = 0; k < n; k++)
        {
            var first = r.Kept[0][k];
            if (r.Kept.All(c => c[k].Value == first.Value && c[k].Offset == first.Offset && c[k].Text == first.Text))
            {
                r.Values[k] = first.Value;
                r.Texts[k] = first.Text;
                r.Offsets[k] = first.Offset;
            }
        }
        if (r.Kept.Count == 1)
        {
            if (r.Fused)
            {
                var why = r.GroupSearch ? $"the only split in which every group's 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (the run has too many digits to try every split)"
                    : r.Weak.Count == 1 ? "the only split"
                    : note.Length > 0 ? "the split the report's text confirms"
                    : consistent ? "the only split the table's rules allow"
                    : relaxed is not null ? $"the only split that breaks fewest of the table's equations (the published table breaks {relaxed} whatever the split)"
                    : "the only split allowed by the row's own figures (the table's published figures are inconsistent)";
                bag.Info(DiagnosticCode.FusedRunRecovered, r.RunSpan,
                    $"row {Name(r)}: cells recovered from the fused run '{r.Run.Trim()}' as {Show(r.Kept[0])}, {why}{note}", r.Run);
            }
            return;
        }
        if (n == ReviewGroupSize * TemplateSchema.GroupKeys.Length && r.Def.Columns[0].Key == TemplateSchema.ReviewColumnArray[0].Key)
        {
            bag.Warning(DiagnosticCode.FusedRunAmbiguous, r.RunSpan, ReviewAmbiguity(r, note), r.Run);
            return;
        }
        var open = Enumerable.Range(0, n).Where(k => r.Values[k] is null).Select(k => r.Def.Columns[k].Label).ToList();
        bag.Warning(DiagnosticCode.FusedRunAmbiguous, r.RunSpan,
            $"row {Name(r)}: the fused run '{r.Run.Trim()}' splits {r.Kept.Count} ways: {string.Join(", ", r.Kept.Take(8).Select(Show))}{(r.Kept.Count > 8 ? ", …" : "")}; not stated: {string.Join("、", open)}{note}", r.Run);
    }

    /// <summary>
    /// The message for an ambiguous table 四 run, group by group: the groups every kept split agrees on, and for each
    /// other group its candidates and the cells left not stated.
    /// </summary>
    private static string ReviewAmbiguity(FusedRow r, string note)
    {
        var decided = new List<string>();
        var undecided = new List<string>();
        var open = new List<string>();
        for (int g = 0; g < TemplateSchema.GroupKeys.Length; g++)
        {
            int first = g * ReviewGroupSize;
            var name = TemplateSchema.GroupLabels[g];
            var candidates = r.Kept.Select(c => c[first..(first + ReviewGroupSize)]).DistinctBy(c => string.Join(",", c.Select(x => $"{x.Offset}:{x.Text}"))).ToList();
            if (Enumerable.Range(first, ReviewGroupSize).All(k => r.Values[k] is not null))
            {
                decided.Add($"{name} {Show(candidates[0])}");
                continue;
            }
            undecided.Add($"{name} {string.Join(" or ", candidates.Take(8).Select(Show))}{(candidates.Count > 8 ? " or …" : "")}");
            for (int k = first; k < first + ReviewGroupSize; k++)
            {
                if (r.Values[k] is null) open.Add($"{name} {r.Def.Columns[k].Label}");
            }
        }
        var kept = decided.Count > 0 ? $"; decided by the groups' totals: {string.Join(", ", decided)}" : "";
        return $"row {Name(r)}: the fused run '{r.Run.Trim()}' splits {r.Kept.Count} ways{kept}; undecided: {string.Join("; ", undecided)}; not stated: {string.Join("、", open)}{note}";
    }

    private static bool LocalOk(string table, RunCell[] c)
    {
        if (table == TemplateSchema.Requests && c.Length == 7)
        {
            decimal s = 0;
            for (int i = 0; i < 6; i++) s += c[i].Value;
            return s == c[6].Value;
        }
        if (table == TemplateSchema.ReviewLitigation && c.Length == 15)
        {
            for (int g = 0; g < 3; g++)
            {
                decimal s = 0;
                for (int i = 0; i < 4; i++) s += c[g * 5 + i].Value;
                if (s != c[g * 5 + 4].Value) return false;
            }
        }
        return true;
    }

    /// <summary>Balance and outcome total over the rows of table 三; false when no combination satisfies them.</summary>
    private static bool JointRequests(List<FusedRow> rows, DiagnosticBag bag, CancellationToken token)
    {
        var byKey = new Dictionary<string, FusedRow>();
        foreach (var r in rows) byKey.TryAdd(r.Def.Key, r);
        var open = byKey.Values.Where(r => r.Kept.Count > 1).ToList();
        var all = byKey.Values.Where(r => r.Kept.Count > 0).ToList();
        if (all.Count == 0) return true;
        long product = 1;
        foreach (var r in open)
        {
            product *= r.Kept.Count;
            if (product > JointLimit)
            {
                bag.Warning(DiagnosticCode.FusedRunBound, open[0].RunSpan,
                    $"table 三: {open.Count} fused rows allow more than {JointLimit} combinations; the column rules were not used to choose between them");
                return true;
            }
        }
        var choice = new Dictionary<string, RunCell[]>();
        foreach (var r in all) if (r.Kept.Count == 1) choice[r.Def.Key] = r.Kept[0];
        var survivors = open.Select(_ => new HashSet<int>()).ToList();
        bool any = false;
        var idx = new int[open.Count];
        long visited = 0;
        Walk(0);
        if (!any) return false;
        for (int i = 0; i < open.Count; i++)
        {
            var keep = survivors[i].Order().Select(j => open[i].Kept[j]).ToList();
            open[i].Kept = keep;
        }
        return true;

        void Walk(int i)
        {
            if (i == open.Count)
            {
                if ((++visited & 1023) == 0) token.ThrowIfCancellationRequested();
                if (!ColumnsOk(choice)) return;
                any = true;
                for (int k = 0; k < open.Count; k++) survivors[k].Add(idx[k]);
                return;
            }
            for (int j = 0; j < open[i].Kept.Count; j++)
            {
                idx[i] = j;
                choice[open[i].Def.Key] = open[i].Kept[j];
                Walk(i + 1);
            }
        }
    }

    /// <summary>
    /// When no split of the open rows satisfies every column rule (a published error), the whole table's
    /// equations (each row's total, each column's balance and outcome total) are counted for every
    /// combination: a row keeps the splits of the combinations that break at most one equation more than the
    /// fewest, when the fewest is at most <see cref="MaxBroken"/> (one wrong printed cell breaks at most its
    /// row's total, its column's balance and its outcome total). Returns the equations the best combination
    /// breaks, or null when nothing was narrowed.
    /// </summary>
    private static string? FewestBroken(List<FusedRow> rows, CancellationToken token)
    {
        var byKey = new Dictionary<string, FusedRow>();
        foreach (var r in rows) byKey.TryAdd(r.Def.Key, r);
        var open = byKey.Values.Where(r => r.Kept.Count > 1).ToList();
        if (open.Count == 0 || open.Aggregate(1L, (p, r) => Math.Min(p * r.Kept.Count, JointLimit + 1)) > JointLimit) return null;
        var choice = new Dictionary<string, RunCell[]>();
        foreach (var r in byKey.Values) if (r.Kept.Count == 1) choice[r.Def.Key] = r.Kept[0];
        var scores = new List<(int[] Index, int Broken)>();
        var idx = new int[open.Count];
        long visited = 0;
        Walk(0);
        int min = scores.Min(s => s.Broken);
        if (min > MaxBroken) return null;
        var near = scores.Where(s => s.Broken <= min + 1).ToList();
        var best = near.First(s => s.Broken == min).Index;
        for (int i = 0; i < open.Count; i++) choice[open[i].Def.Key] = open[i].Kept[best[i]];
        var names = new List<string>();
        Broken(choice, names);
        for (int i = 0; i < open.Count; i++)
        {
            var kept = near.Select(s => s.Index[i]).Distinct().Order().Select(j => open[i].Kept[j]).ToList();
            open[i].Kept = kept;
        }
        return string.Join("、", names);

        void Walk(int i)
        {
            if (i == open.Count)
            {
                if ((++visited & 1023) == 0) token.ThrowIfCancellationRequested();
                scores.Add(((int[])idx.Clone(), Broken(choice, null)));
                return;
            }
            for (int j = 0; j < open[i].Kept.Count; j++)
            {
                idx[i] = j;
                choice[open[i].Def.Key] = open[i].Kept[j];
                Walk(i + 1);
            }
        }
    }

    /// <summary>Equations one wrong printed cell of table 三 breaks at most.</summary>
    private const int MaxBroken = 3;

    /// <summary>How many of table 三's equations the rows break (RowTotal per row, Balance and OutcomeTotal per column); their names into <paramref name="names"/>.</summary>
    private static int Broken(Dictionary<string, RunCell[]> c, List<string>? names)
    {
        int broken = 0;
        foreach (var (k, v) in c)
        {
            if (v.Length == 7 && !LocalOk(TemplateSchema.Requests, v)) { broken++; names?.Add($"RowTotal of {k}"); }
        }
        return broken + BrokenColumns(c, names);
    }

    /// <summary>How many of table 三's column equations (Balance, OutcomeTotal) the rows break.</summary>
    private static int BrokenColumns(Dictionary<string, RunCell[]> c, List<string>? names)
    {
        int broken = 0;
        bool balance = c.TryGetValue("NewRequests", out var nr) & c.TryGetValue("CarriedOver", out var co) & c.TryGetValue("Total", out var t) & c.TryGetValue("CarriedForward", out var cf);
        bool outcome = t is not null && c.Keys.Count(k => !NotOutcomes.Contains(k)) >= 3;
        for (int col = 0; col < 7; col++)
        {
            var label = TemplateSchema.RequestColumnArray[col].Label;
            if (balance && nr![col].Value + co![col].Value != t![col].Value + cf![col].Value) { broken++; names?.Add($"Balance of {label}"); }
            if (outcome && OutcomeSum(c, col) != t![col].Value) { broken++; names?.Add($"OutcomeTotal of {label}"); }
        }
        return broken;
    }

    private static decimal OutcomeSum(Dictionary<string, RunCell[]> c, int col)
    {
        decimal s = 0;
        foreach (var (k, v) in c) if (!NotOutcomes.Contains(k)) s += v[col].Value;
        return s;
    }

    private static bool ColumnsOk(Dictionary<string, RunCell[]> c)
    {
        for (int col = 0; col < 7; col++)
        {
            if (c.TryGetValue("NewRequests", out var nr) && c.TryGetValue("CarriedOver", out var co) && c.TryGetValue("Total", out var t0) && c.TryGetValue("CarriedForward", out var cf))
            {
                if (nr[col].Value + co[col].Value != t0[col].Value + cf[col].Value) return false;
            }
            if (c.TryGetValue("Total", out var t))
            {
                decimal s = 0;
                int outcomes = 0;
                foreach (var (k, v) in c)
                {
                    if (NotOutcomes.Contains(k)) continue;
                    s += v[col].Value;
                    outcomes++;
                }
                if (outcomes >= 3 && s != t[col].Value) return false;
            }
        }
        return true;
    }

    private static string Name(FusedRow r) => r.Def.Label.Length == 0 ? $"of values ({r.Def.Key})" : $"{r.Def.Label} ({r.Def.Key})";

    public static string Show(RunCell[] c) => "(" + string.Join(",", c.Select(x => N(x.Value))) + ")";

    private static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
