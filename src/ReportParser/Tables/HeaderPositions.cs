using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Template;

namespace ReportParser.Tables;

/// <summary>Finds the grid column of each template column from the header rows of a table.</summary>
internal static class HeaderPositions
{
    /// <summary>
    /// Looks for each column's label in rows [<paramref name="from"/>, <paramref name="to"/>). Reports
    /// duplicated and misspelled headers; infers a missing column from its neighbours when the others are
    /// contiguous. Returns null when no header column was found.
    /// </summary>
    public static int[]? Find(IReadOnlyList<GridRow> rows, int from, int to, ColumnDefinition[] columns, DiagnosticBag bag)
    {
        var found = new int?[columns.Length];
        var seen = new List<(int Column, int Index, GridCell Cell)>();
        for (int r = from; r < to && r < rows.Count; r++)
        {
            var cells = rows[r].Cells;
            for (int i = 0; i < cells.Count; i++)
            {
                if (cells[i].IsEmpty) continue;
                int k = MatchColumn(cells[i].Text, columns, out var fit);
                if (k < 0) continue;
                if (found[k] is int prev)
                {
                    if (prev != i)
                    {
                        bag.Warning(DiagnosticCode.DuplicateHeader, cells[i].Location,
                            $"column header {columns[k].Label} is printed twice (grid columns {prev + 1} and {i + 1})", cells[i].Text);
                    }
                    continue;
                }
                if (fit != LabelText.Fit.Exact)
                {
                    bag.Warning(DiagnosticCode.HeaderDeviation, cells[i].Location,
                        $"column header '{cells[i].Text}' differs from the template's '{columns[k].Label}'", cells[i].Text);
                }
                found[k] = i;
                seen.Add((k, i, cells[i]));
            }
        }
        if (seen.Count == 0) return null;

        // Fill the gaps from neighbours when the found ones are in order and contiguous.
        var result = new int[columns.Length];
        int anchorK = seen[0].Column, anchorI = seen[0].Index;
        for (int k = 0; k < columns.Length; k++)
        {
            if (found[k] is int p) { result[k] = p; continue; }
            result[k] = anchorI + (k - anchorK);
            bag.Warning(DiagnosticCode.HeaderDeviation, rows[from].Location,
                $"column header {columns[k].Label} was not found; assumed at grid column {result[k] + 1}");
        }
        for (int k = 1; k < result.Length; k++)
        {
            if (result[k] <= result[k - 1]) return null; // not in template order: read rows in sequence
        }
        return result;
    }

    private static int MatchColumn(string text, ColumnDefinition[] columns, out LabelText.Fit fit)
    {
        fit = LabelText.Fit.None;
        int best = -1, bestD = int.MaxValue;
        for (int k = 0; k < columns.Length; k++)
        {
            var f = LabelText.Compare(text, columns[k].Label, columns[k].Aliases);
            if (f.Fit == LabelText.Fit.Exact) { fit = f.Fit; return k; }
            // Typos only for labels long enough to be unambiguous (其他 vs 总计 must not meet).
            if (f.Fit == LabelText.Fit.Typo && TextUtil.Key(columns[k].Label).Length >= 4 && f.Distance < bestD)
            {
                best = k; bestD = f.Distance; fit = f.Fit;
            }
        }
        return best;
    }
}
