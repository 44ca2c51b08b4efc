using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Template;
using ReportParser.Text;

namespace ReportParser.Tables;

/// <summary>Reads table 三 (收到和处理政府信息公开申请情况) from grid rows onto the template's rows and columns.</summary>
internal static class RequestsReader
{
    private const string OutcomeHeader = "本年度办理结果";

    public static ReportTable Read(IReadOnlyList<GridRow> rows, ReportTemplate template, SourceLocation span, DiagnosticBag bag)
    {
        var def = TemplateSchema.RequestsFor(template);
        var builder = new TableBuilder(def, bag);
        var columns = TemplateSchema.RequestColumnArray;

        // Header: the rows before the first recognised data row.
        int firstData = FirstDataRow(rows, def, template);
        var positions = HeaderPositions.Find(rows, 0, firstData, columns, bag);

        string? group = null;
        string pendingLabel = "";
        for (int i = firstData; i < rows.Count; i++)
        {
            var grid = rows[i];
            int labelEnd = RowValues.LastLabelIndex(grid.Cells);
            var label = pendingLabel + RowValues.LabelOf(grid.Cells);
            bool hasValues = HasValueCells(grid);
            if (!hasValues)
            {
                // A label without values: a group row, a row whose cells were all left blank, or the first half
                // of a label broken over two lines.
                if (GroupRowOf(label) is { } g) { group = g; pendingLabel = ""; continue; }
                if (BlankRow(rows, i, label, def, group, template) is { } blank)
                {
                    pendingLabel = "";
                    group = GroupAfter(blank, group);
                    ReadRow(builder, blank, blank.Row!, label, grid, labelEnd, positions, bag);
                    continue;
                }
                if (label.Length > 0) pendingLabel = label;
                continue;
            }
            pendingLabel = "";
            var m = MatchRow(label, def, group, template);
            group = GroupAfter(m, group);
            if (m.Row is null)
            {
                if (label.Length == 0 && labelEnd < 0)
                {
                    bag.Warning(DiagnosticCode.UnknownRow, grid.Location, "a row of values without a label; it was not read", grid.RawText);
                }
                else
                {
                    bag.Warning(DiagnosticCode.UnknownRow, grid.Location, $"row label '{label}' matches no row of table 三; its values were not read", grid.RawText);
                }
                continue;
            }
            var row = m.Row;
            if (row.Key == "Other" && template == ReportTemplate.V2021)
            {
                bag.Warning(DiagnosticCode.SingleOtherRow, grid.Location,
                    "the report prints the single 2019 row （六）其他处理 instead of the 2021 rows 1.–3.; kept under the key Other", grid.RawText);
            }
            ReadRow(builder, m, row, label, grid, labelEnd, positions, bag);
        }
        if (builder.RowCount == 0)
        {
            bag.Error(DiagnosticCode.MissingTable, span, "table 三 has no recognisable rows; its values could not be read");
        }
        var built = builder.Build(template, span);
        return new RequestsTable(built.Template, built.Rows, span);
    }

    /// <summary>
    /// The index of the first row with values whose label is a template row (when no row has values, the row printing
    /// the template's first row); the rows before it are the header.
    /// </summary>
    private static int FirstDataRow(IReadOnlyList<GridRow> rows, TableDefinition def, ReportTemplate template)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            if (!HasValueCells(rows[i])) continue;
            if (MatchRow(RowValues.LabelOf(rows[i].Cells), def, null, template).Row is not null)
            {
                return i;
            }
            // The label may begin on the row above (a label broken over two lines).
            if (i > 0 && !HasValueCells(rows[i - 1])
                && MatchRow(RowValues.LabelOf(rows[i - 1].Cells) + RowValues.LabelOf(rows[i].Cells), def, null, template).Row is not null)
            {
                return i - 1;
            }
        }
        // A table printed with no values at all: its rows start at the template's first row, printed exactly.
        for (int i = 0; i < rows.Count; i++)
        {
            var m = MatchRow(RowValues.LabelOf(rows[i].Cells), def, null, template);
            if (m.Row == def.Rows[0] && m.Fit == LabelText.Fit.Exact) return i;
        }
        return rows.Count;
    }

    /// <summary>The group a label names when it names nothing else: a group row.</summary>
    private static string? GroupRowOf(string label)
    {
        var g = FindGroup(LabelText.Segments(label));
        return g is not null && StripGroups(LabelText.Segments(label)).Count == 0 ? g : null;
    }

    /// <summary>
    /// The match of a label without values when it is a row of its own (cells left blank): an exact match,
    /// and the next row's label stands alone rather than finishing this one.
    /// </summary>
    private static RowMatch? BlankRow(IReadOnlyList<GridRow> rows, int i, string label, TableDefinition def, string? group, ReportTemplate template)
    {
        var blank = MatchRow(label, def, group, template);
        bool nextStandsAlone = i + 1 >= rows.Count || MatchRow(RowValues.LabelOf(rows[i + 1].Cells), def, blank.Group ?? group, template).Row is not null;
        return blank.Row is not null && blank.Fit == LabelText.Fit.Exact && nextStandsAlone ? blank : null;
    }

    /// <summary>The current group after a matched row: the group its label names, else the current one while the row belongs to a group.</summary>
    private static string? GroupAfter(RowMatch m, string? group) => m.Group ?? (m.Row?.Group is null ? null : group);

    /// <summary>Begins the row in the builder and, when the builder takes it, reports the label's fit and maps the values.</summary>
    private static void ReadRow(TableBuilder builder, RowMatch m, RowDefinition row, string label, GridRow grid, int labelEnd, int[]? positions, DiagnosticBag bag)
    {
        if (!builder.BeginRow(row, label, grid.Location, grid.RawText)) return;
        ReportLabelFit(m, row, grid, bag);
        RowValues.Map(builder, row, grid, labelEnd, positions, bag);
    }

    private static bool HasValueCells(GridRow row)
    {
        int last = RowValues.LastLabelIndex(row.Cells);
        for (int i = last + 1; i < row.Cells.Count; i++) if (!row.Cells[i].IsEmpty) return true;
        return false;
    }

    internal readonly record struct RowMatch(RowDefinition? Row, LabelText.Fit Fit, string? Group, LabelSegment? Leaf);

    private static string? FindGroup(List<LabelSegment> segs)
    {
        string? group = null;
        foreach (var s in segs)
        {
            foreach (var (label, _) in TemplateSchema.RequestGroups)
            {
                if (TextUtil.Key(s.Text) == TextUtil.Key(label)) group = label;
            }
        }
        return group;
    }

    private static List<LabelSegment> StripGroups(List<LabelSegment> segs)
        => segs.Where(s =>
        {
            var k = TextUtil.Key(s.Text);
            if (k.Length == 0) return false;
            if (k.EndsWith(TextUtil.Key(OutcomeHeader), StringComparison.Ordinal)) return false;
            return !TemplateSchema.RequestGroups.Any(g => TextUtil.Key(g.Label) == k);
        }).ToList();

    /// <summary>Finds the template row a printed label stands for, using the current group as context.</summary>
    internal static RowMatch MatchRow(string label, TableDefinition def, string? group, ReportTemplate template)
    {
        if (label.Length == 0) return default;
        var segs = LabelText.Segments(label);
        var foundGroup = FindGroup(segs);
        var g = foundGroup ?? group;
        var rest = StripGroups(segs);
        if (rest.Count == 0)
        {
            // Only a group label: （六）其他处理 as a single row.
            if (foundGroup == "其他处理") return new RowMatch(TemplateSchema.SingleOtherRow, LabelText.Fit.Exact, null, segs[^1]);
            return new RowMatch(null, LabelText.Fit.None, foundGroup, null);
        }
        var leaf = rest[^1];
        var best = BestRow(def, g, leaf, out var bestFit);
        if (best is null && NumberedRow(def, g, leaf) is { } numbered) return numbered;
        if (best is null && template == ReportTemplate.V2021 && IsSingleOtherRow(leaf))
        {
            // A 2021 report that prints the single 2019 row.
            return new RowMatch(TemplateSchema.SingleOtherRow, LabelText.Fit.Exact, null, leaf);
        }
        return new RowMatch(best, bestFit.Fit, best?.Group, leaf);
    }

    /// <summary>The template row whose label fits the leaf best: rows of the current group first, then all rows.</summary>
    private static RowDefinition? BestRow(TableDefinition def, string? g, LabelSegment leaf, out (LabelText.Fit Fit, int Distance) bestFit)
    {
        RowDefinition? best = null;
        bestFit = (Fit: LabelText.Fit.None, Distance: int.MaxValue);
        foreach (var pass in new[] { true, false })
        {
            foreach (var r in def.Rows)
            {
                if (!IsCandidate(r, pass, g, leaf)) continue;
                var fit = LabelText.Compare(leaf.Text, r.Label, r.Aliases);
                if (fit.Fit == LabelText.Fit.None) continue;
                if (Better(fit, bestFit)) { best = r; bestFit = fit; }
                if (fit.Fit == LabelText.Fit.Exact) break;
            }
            if (best is not null && bestFit.Fit == LabelText.Fit.Exact) break;
            if (best is not null && pass) break;
        }
        return best;
    }

    /// <summary>
    /// Whether row <paramref name="r"/> is compared in this pass: the first pass takes the rows of group
    /// <paramref name="g"/>, the second the others; a bare 其他 row only inside 其他处理 or as item 3.
    /// </summary>
    private static bool IsCandidate(RowDefinition r, bool pass, string? g, LabelSegment leaf)
    {
        if (pass && (g is null || r.Group != g)) return false;
        if (!pass && g is not null && r.Group == g) return false;
        return !(r.Label == "其他" && g != "其他处理" && leaf.Number != 3);
    }

    /// <summary>
    /// Inside a group the enumerator names the row: a label garbled beyond a typo (其他法律行政止公开)
    /// is still that row when at least half of the template's wording survives.
    /// </summary>
    private static RowMatch? NumberedRow(TableDefinition def, string? g, LabelSegment leaf)
    {
        if (g is null || leaf.Number <= 0) return null;
        var numbered = def.Rows.FirstOrDefault(r => r.Group == g && r.Number is { } n && LabelText.EnumeratorNumber(n) == leaf.Number);
        if (numbered is null) return null;
        var k = TextUtil.Key(numbered.Label);
        int max = Math.Max(2, k.Length / 2);
        int d = TextUtil.Distance(TextUtil.Key(leaf.Text), k, max);
        return d <= max ? new RowMatch(numbered, LabelText.Fit.Typo, numbered.Group, leaf) : null;
    }

    private static bool IsSingleOtherRow(LabelSegment leaf) => LabelText.Compare(leaf.Text, "其他处理").Fit == LabelText.Fit.Exact;

    private static bool Better((LabelText.Fit Fit, int Distance) a, (LabelText.Fit Fit, int Distance) b)
    {
        int Rank(LabelText.Fit f) => f switch { LabelText.Fit.Exact => 3, LabelText.Fit.Typo => 2, LabelText.Fit.Prefix => 1, _ => 0 };
        if (Rank(a.Fit) != Rank(b.Fit)) return Rank(a.Fit) > Rank(b.Fit);
        return a.Distance < b.Distance;
    }

    private static void ReportLabelFit(RowMatch m, RowDefinition row, GridRow grid, DiagnosticBag bag)
    {
        if (m.Fit is LabelText.Fit.Typo or LabelText.Fit.Prefix && m.Leaf is { } leaf)
        {
            bag.Warning(DiagnosticCode.RowLabelVariant, grid.Location,
                $"row label '{leaf.Text}' differs from the template's '{row.Label}'; read as {row.Key}", grid.RawText);
        }
        if (m.Leaf is { } l && row.Number is { } expected && l.Enumerator.Length > 0)
        {
            int want = LabelText.EnumeratorNumber(expected);
            if (l.Number != want)
            {
                bag.Warning(DiagnosticCode.EnumeratorMismatch, grid.Location,
                    $"row {row.Label} is numbered '{l.Enumerator}', the template numbers it '{expected}'", grid.RawText);
            }
        }
    }
}
