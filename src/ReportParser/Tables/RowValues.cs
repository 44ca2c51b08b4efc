using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Template;
using ReportParser.Text;

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
        int n = cols.Count;

        var seq = SequentialCells(cells, labelEnd, n, out int seqMisfit);
        var reading = ByPosition(cells, labelEnd, positions, n, seqMisfit) ?? InSequence(seq, n);
        var missing = WriteValues(builder, row, reading.Chosen);
        ReportValueCount(row, grid, n, reading, missing, bag);
    }

    /// <summary>The cells chosen for the template's columns (null where none) and the values left over.</summary>
    private readonly record struct Reading(GridCell?[] Chosen, List<GridCell> Extra);

    /// <summary>
    /// Sequential reading: the cells after the label, leading and trailing blanks trimmed, and how badly they
    /// fit <paramref name="n"/> columns.
    /// </summary>
    private static List<GridCell> SequentialCells(IReadOnlyList<GridCell> cells, int labelEnd, int n, out int misfit)
    {
        int s0 = labelEnd + 1;
        while (s0 < cells.Count && cells[s0].IsEmpty) s0++;
        int s1 = cells.Count - 1;
        while (s1 >= s0 && cells[s1].IsEmpty) s1--;
        var seq = new List<GridCell>();
        for (int i = s0; i <= s1; i++) seq.Add(cells[i]);
        misfit = Math.Abs(seq.Count - n) + seq.Take(n).Count(c => c.IsEmpty);
        if (seq.Count > n && seq.Count(c => !c.IsEmpty) == n)
        {
            // More positions than columns but exactly one value per column: the blanks between are the
            // positions a merged (colspan) cell covers, as in a grid whose rows split columns differently.
            seq = seq.Where(c => !c.IsEmpty).ToList();
            misfit = 0;
        }
        return seq;
    }

    /// <summary>
    /// Positional reading: the cells at the header's column positions, when the header gave one per column
    /// after the label and this reading misfits no more than the sequential one; otherwise null.
    /// </summary>
    private static Reading? ByPosition(IReadOnlyList<GridCell> cells, int labelEnd, int[]? positions, int n, int seqMisfit)
    {
        if (positions is null || positions.Length != n || positions[0] <= labelEnd) return null;
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
        return posMisfit <= seqMisfit ? new Reading(pos, posExtra) : null;
    }

    /// <summary>The sequential reading: the first <paramref name="n"/> cells in order, the stated ones after them extra.</summary>
    private static Reading InSequence(List<GridCell> seq, int n)
    {
        var chosen = new GridCell?[n];
        for (int k = 0; k < n && k < seq.Count; k++) chosen[k] = seq[k];
        return new Reading(chosen, seq.Skip(n).Where(c => !c.IsEmpty).ToList());
    }

    /// <summary>Writes the chosen cells into the builder; returns the labels of the columns left not stated.</summary>
    private static List<string> WriteValues(TableBuilder builder, RowDefinition row, GridCell?[] chosen)
    {
        var cols = row.Columns;
        var missing = new List<string>();
        for (int k = 0; k < cols.Count; k++)
        {
            if (chosen[k] is { } c)
            {
                builder.Set(row, cols[k], c);
                if (c.IsEmpty) missing.Add(ColumnName(cols[k]));
            }
            else
            {
                missing.Add(ColumnName(cols[k]));
            }
        }
        return missing;
    }

    /// <summary>A column's label for a message; table 四's outcome labels repeat in each group, so they carry the group's name.</summary>
    private static string ColumnName(ColumnDefinition column)
    {
        for (int g = 0; g < TemplateSchema.GroupKeys.Length; g++)
        {
            if (column.Key.StartsWith(TemplateSchema.GroupKeys[g] + ".", StringComparison.Ordinal)) return $"{TemplateSchema.GroupLabels[g]} {column.Label}";
        }
        return column.Label;
    }

    /// <summary>Warns for a row with fewer values than columns, with none, or with extra ones.</summary>
    private static void ReportValueCount(RowDefinition row, GridRow grid, int n, Reading reading, List<string> missing, DiagnosticBag bag)
    {
        var (chosen, extra) = reading;
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
