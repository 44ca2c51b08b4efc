namespace ReportParser.Input.Pdf;

/// <summary>
/// Joins a table row that a page break cut in two: when a page ends with a table and the next page starts
/// with a table of the same width, and one side of the cut holds only label text (no figures) in columns
/// where the other side's row has label text too, the label pieces are joined into one row.
/// A repeated header row is never joined: its texts sit in the value columns.
/// </summary>
internal static class SplitRowJoiner
{
    public static void Join(List<PageContent> pages)
    {
        for (int i = 1; i < pages.Count; i++)
        {
            var before = pages[i - 1].Items;
            var after = pages[i].Items;
            if (before.Count == 0 || after.Count == 0) continue;
            if (before[^1].Table is not { Rows.Count: > 0 } t1 || after[0].Table is not { Rows.Count: > 0 } t2) continue;
            var last = t1.Rows[^1];
            var first = t2.Rows[0];
            if (last.Count != first.Count) continue;
            if (!HasFigure(last) && HasFigure(first) && LabelsOnly(last, first))
            {
                for (int c = 0; c < last.Count; c++)
                {
                    if (last[c].Text.Length == 0) continue;
                    var sb = new System.Text.StringBuilder(last[c].Text);
                    LineBuilder.AppendWrapped(sb, first[c].Text);
                    first[c] = first[c] with { Text = sb.ToString() };
                }
                t1.Rows.RemoveAt(t1.Rows.Count - 1);
                t1.RowBoxes.RemoveAt(t1.RowBoxes.Count - 1);
                if (t1.Rows.Count == 0) before.RemoveAt(before.Count - 1);
            }
            else if (HasFigure(last) && !HasFigure(first) && LabelsOnly(first, last))
            {
                for (int c = 0; c < last.Count; c++)
                {
                    if (first[c].Text.Length == 0) continue;
                    var sb = new System.Text.StringBuilder(last[c].Text);
                    LineBuilder.AppendWrapped(sb, first[c].Text);
                    last[c] = last[c] with { Text = sb.ToString() };
                }
                t2.Rows.RemoveAt(0);
                t2.RowBoxes.RemoveAt(0);
                if (t2.Rows.Count == 0) after.RemoveAt(0);
            }
        }
    }

    private static bool HasFigure(List<PageCell> row)
    {
        foreach (var c in row) if (IsFigure(c.Text)) return true;
        return false;
    }

    private static bool IsFigure(string text)
        => text.Length > 0 && double.TryParse(text.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>True when every non-empty cell of <paramref name="part"/> is in a column where <paramref name="other"/> holds non-numeric text.</summary>
    private static bool LabelsOnly(List<PageCell> part, List<PageCell> other)
    {
        int texts = 0;
        for (int c = 0; c < part.Count; c++)
        {
            if (part[c].Text.Length == 0) continue;
            texts++;
            var o = other[c].Text;
            if (o.Length == 0 || IsFigure(o)) return false;
        }
        return texts > 0;
    }
}
