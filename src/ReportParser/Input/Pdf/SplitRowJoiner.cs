namespace ReportParser.Input.Pdf;

/// <summary>
/// Joins a table row that a page break cut in two: when a page ends with a table and the next page starts
/// with a table, and one side of the cut holds only label text (no figures), each of its texts is joined to
/// the label cell of the other side's row that lies at the same horizontal position. A repeated header row is
/// never joined: its texts sit over the figure columns.
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
            if (!HasFigure(last) && HasFigure(first) && Match(last, first) is { } up)
            {
                foreach (var (from, to) in up)
                {
                    var sb = new System.Text.StringBuilder(last[from].Text);
                    LineBuilder.AppendWrapped(sb, first[to].Text);
                    first[to] = first[to] with { Text = sb.ToString() };
                }
                t1.Rows.RemoveAt(t1.Rows.Count - 1);
                t1.RowBoxes.RemoveAt(t1.RowBoxes.Count - 1);
                if (t1.Rows.Count == 0) before.RemoveAt(before.Count - 1);
            }
            else if (HasFigure(last) && !HasFigure(first) && Match(first, last) is { } down)
            {
                foreach (var (from, to) in down)
                {
                    var sb = new System.Text.StringBuilder(last[to].Text);
                    LineBuilder.AppendWrapped(sb, first[from].Text);
                    last[to] = last[to] with { Text = sb.ToString() };
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

    /// <summary>
    /// For every non-empty cell of <paramref name="part"/>, the label cell of <paramref name="other"/> at the same
    /// horizontal position; null when a text has no such label cell (it sits over a figure or over nothing).
    /// </summary>
    private static List<(int From, int To)>? Match(List<PageCell> part, List<PageCell> other)
    {
        var pairs = new List<(int, int)>();
        for (int c = 0; c < part.Count; c++)
        {
            if (part[c].Text.Length == 0) continue;
            if (part[c].Box is not { } box) return null;
            int found = -1;
            for (int o = 0; o < other.Count && found < 0; o++)
            {
                if (other[o].Box is { } ob && ob.Left - 1 <= box.CenterX && box.CenterX <= ob.Right + 1) found = o;
            }
            if (found < 0 || other[found].Text.Length == 0 || IsFigure(other[found].Text)) return null;
            pairs.Add((c, found));
        }
        return pairs.Count > 0 ? pairs : null;
    }
}
