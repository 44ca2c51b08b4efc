using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Template;

namespace ReportParser.Tables;

/// <summary>
/// Maps the value cells of one grid row onto a template row's columns. Two readings are compared:
/// by position (the column positions the header printed) and in sequence (the values after the label,
/// left to right). The reading that explains the row with fewer misfits wins, position on a tie, so a
/// clean grid keeps blank cells where they are and a flattened row whose cells shifted is still read.
/// </summary>
internal static class RowValues
{
    /// <summary>True for a cell that holds label text rather than a value.</summary>
    public static bool IsLabelCell(GridCell c)
    {
        if (c.IsEmpty) return false;
        if (ValueParser.Parse(c.Text).Kind is ParsedKind.Number or ParsedKind.Placeholder) return false;
        foreach (var ch in c.Text)
        {
            if (TextUtil.IsIdeograph(ch) || char.IsAsciiLetter(ch) || (ch >= '\u2E80' && ch <= '\u2FDF')) return true;
        }
        return false;
    }

    /// <summary>Index of the last label cell, or -1.</summary>
    public static int LastLabelIndex(IReadOnlyList<GridCell> cells)
    {
        for (int i = cells.Count - 1; i >= 0; i--) if (IsLabelCell(cells[i])) return i;
        return -1;
    }

    /// <summary>Label text of a row: its label cells joined.</summary>
    public static string LabelOf(IReadOnlyList<GridCell> cells)
        => string.Join(" ", cells.Where(IsLabelCell).Select(c => c.Text));

    /// <summary>
    /// Maps the row's value cells and writes them into the builder, warning for missing and extra values.
    /// </summary>
    public static void Map(TableBuilder builder, RowDefinition row, GridRow grid, int labelEnd, int[]? positions, DiagnosticBag bag)
    {
        var cols = row.Columns;
        var cells = grid.Cells;
        int n = cols.Length;

        // Sequential reading: the cells after the label, leading and trailing blanks trimmed.
        int s0 = labelEnd + 1;
        while (s0 < cells.Count && cells[s0].IsEmpty) s0++;
        int s1 = cells.Count - 1;
        while (s1 >= s0 && cells[s1].IsEmpty) s1--;
        var seq = new List<GridCell>();
        for (int i = s0; i <= s1; i++) seq.Add(cells[i]);
        int seqMisfit = Math.Abs(seq.Count - n) + seq.Take(n).Count(c => c.IsEmpty);
        if (seq.Count > n && seq.Count(c => !c.IsEmpty) == n)
        {
            // More positions than columns but exactly one value per column: the blanks between are the
            // positions a merged (colspan) cell covers, as in a grid whose rows split columns differently.
            seq = seq.Where(c => !c.IsEmpty).ToList();
            seqMisfit = 0;
        }

        GridCell?[] chosen = new GridCell?[n];
        List<GridCell> extra;
        bool usePositions = false;
        if (positions is not null && positions.Length == n && positions[0] > labelEnd)
        {
            var pos = new GridCell?[n];
            int empties = 0;
            for (int k = 0; k < n; k++)
            {
                pos[k] = positions[k] < cells.Count ? cells[positions[k]] : null;
                if (pos[k] is null || pos[k]!.IsEmpty) empties++;
            }
            var posSet = new HashSet<int>(positions);
            var posExtra = new List<GridCell>();
            for (int i = labelEnd + 1; i < cells.Count; i++)
            {
                if (!posSet.Contains(i) && !cells[i].IsEmpty) posExtra.Add(cells[i]);
            }
            int posMisfit = empties + posExtra.Count;
            if (posMisfit <= seqMisfit)
            {
                usePositions = true;
                chosen = pos;
                extra = posExtra;
            }
            else
            {
                extra = new List<GridCell>();
            }
        }
        else
        {
            extra = new List<GridCell>();
        }

        if (!usePositions)
        {
            for (int k = 0; k < n && k < seq.Count; k++) chosen[k] = seq[k];
            extra = seq.Skip(n).Where(c => !c.IsEmpty).ToList();
        }

        var missing = new List<string>();
        for (int k = 0; k < n; k++)
        {
            if (chosen[k] is { } c)
            {
                builder.Set(row, cols[k], c);
                if (c.IsEmpty) missing.Add(cols[k].Label);
            }
            else
            {
                missing.Add(cols[k].Label);
            }
        }

        string label = row.Label.Length == 0 ? row.Key : row.Label;
        if (missing.Count > 0 && missing.Count < n)
        {
            int stated = n - missing.Count;
            bag.Warning(DiagnosticCode.FewerValues, grid.Location,
                $"row {label} carries {stated} value(s) for {n} columns; not stated: {string.Join("、", missing)}", grid.RawText);
        }
        else if (missing.Count == n && n > 0)
        {
            bag.Warning(DiagnosticCode.FewerValues, grid.Location, $"row {label} carries no values; all {n} columns not stated", grid.RawText);
        }
        if (extra.Count > 0)
        {
            bag.Warning(DiagnosticCode.MoreValues, extra[0].Location,
                $"row {label} carries {chosen.Count(c => c is { IsEmpty: false }) + extra.Count} values for {n} columns; ignored extra value(s): {string.Join(", ", extra.Select(e => e.Text))}", grid.RawText);
        }
    }
}
