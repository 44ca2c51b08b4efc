using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace ReportParser.Input.Pdf;

/// <summary>
/// Finds tables drawn with ruling lines (lattice): collects horizontal and vertical segments from the
/// page's stroked lines and thin filled rectangles, groups touching segments, and turns each group into
/// a grid whose merged cells are the grid positions no ruling separates.
/// </summary>
internal static class RulingTableFinder
{
    /// <summary>Segments closer than this (points) are one ruling.</summary>
    private const double Snap = 3;

    /// <summary>A filled rectangle thinner than this is a ruling, not a cell background.</summary>
    private const double ThinRect = 3;

    /// <summary>Pages with more path segments than this are drawings, not tables: no lattice.</summary>
    public const int MaxSegments = 6000;

    public static List<Segment> CollectSegments(IReadOnlyList<PdfPath> paths)
    {
        var segs = new List<Segment>();
        foreach (var path in paths)
        {
            if (path.IsClipping) continue;
            foreach (var sub in path)
            {
                if (segs.Count > MaxSegments) return segs;
                if (path.IsFilled && sub.GetBoundingRectangle() is { } r && (r.Width <= ThinRect || r.Height <= ThinRect) && !path.IsStroked)
                {
                    AddThinRect(segs, r);
                    continue;
                }
                if (!path.IsStroked) continue;
                AddStrokedLines(segs, sub);
            }
        }
        return segs;
    }

    /// <summary>A thin filled rectangle is a ruling along its long side.</summary>
    private static void AddThinRect(List<Segment> segs, PdfRectangle r)
    {
        if (r.Width <= ThinRect && r.Height > ThinRect) segs.Add(new Segment(false, (r.Left + r.Right) / 2, r.Bottom, r.Top));
        else if (r.Height <= ThinRect && r.Width > ThinRect) segs.Add(new Segment(true, (r.Bottom + r.Top) / 2, r.Left, r.Right));
    }

    /// <summary>The straight lines a stroked subpath draws, including the closing line; curves only move the pen.</summary>
    private static void AddStrokedLines(List<Segment> segs, PdfSubpath sub)
    {
        PdfPoint start = default, cur = default;
        foreach (var cmd in sub.Commands)
        {
            switch (cmd)
            {
                case PdfSubpath.Move m:
                    start = cur = m.Location;
                    break;
                case PdfSubpath.Line l:
                    Add(segs, l.From, l.To);
                    cur = l.To;
                    break;
                case PdfSubpath.Close:
                    Add(segs, cur, start);
                    cur = start;
                    break;
                case PdfSubpath.BezierCurve b:
                    cur = b.EndPoint;
                    break;
            }
        }
    }

    private static void Add(List<Segment> segs, PdfPoint a, PdfPoint b)
    {
        double dx = Math.Abs(a.X - b.X), dy = Math.Abs(a.Y - b.Y);
        if (dy <= 0.5 && dx > 2) segs.Add(new Segment(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        else if (dx <= 0.5 && dy > 2) segs.Add(new Segment(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
    }

    /// <summary>Groups segments that touch into candidate tables and builds a grid for each one with at least two rulings each way.</summary>
    public static List<RuledGrid> FindGrids(List<Segment> segs)
    {
        var grids = new List<RuledGrid>();
        int n = segs.Count;
        if (n < 4 || n > MaxSegments) return grids;
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (Touch(segs[i], segs[j])) Union(parent, i, j);
            }
        }
        var groups = new Dictionary<int, List<Segment>>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(parent, i);
            if (!groups.TryGetValue(root, out var list)) groups[root] = list = new List<Segment>();
            list.Add(segs[i]);
        }
        foreach (var g in groups.Values)
        {
            var grid = RuledGrid.Build(g, Snap);
            if (grid is not null) grids.Add(grid);
        }
        grids.Sort(static (a, b) => b.Bounds.Top.CompareTo(a.Bounds.Top));
        return grids;
    }

    private static bool Touch(Segment a, Segment b)
    {
        if (a.Horizontal == b.Horizontal)
        {
            return Math.Abs(a.Position - b.Position) <= Snap && a.From <= b.To + Snap && b.From <= a.To + Snap;
        }
        var h = a.Horizontal ? a : b;
        var v = a.Horizontal ? b : a;
        return v.Position >= h.From - Snap && v.Position <= h.To + Snap && h.Position >= v.From - Snap && h.Position <= v.To + Snap;
    }

    private static int Find(int[] p, int i)
    {
        while (p[i] != i) i = p[i] = p[p[i]];
        return i;
    }

    private static void Union(int[] p, int a, int b)
    {
        a = Find(p, a);
        b = Find(p, b);
        if (a != b) p[a] = b;
    }
}

/// <summary>A ruled table: column rulings left to right, row rulings top to bottom, and its merged cells.</summary>
internal sealed class RuledGrid
{
    private RuledGrid(double[] xs, double[] ys, int[,] owner, List<RuledCell> cells)
    {
        Xs = xs;
        Ys = ys;
        Owner = owner;
        Cells = cells;
        Bounds = new Rect(xs[0], ys[^1], xs[^1], ys[0]);
    }

    /// <summary>Column rulings, ascending.</summary>
    public double[] Xs { get; }

    /// <summary>Row rulings, descending (top first).</summary>
    public double[] Ys { get; }

    /// <summary>Index into <see cref="Cells"/> for each grid position.</summary>
    public int[,] Owner { get; }

    public List<RuledCell> Cells { get; }

    public Rect Bounds { get; }

    public int RowCount => Ys.Length - 1;

    public int ColumnCount => Xs.Length - 1;

    public static RuledGrid? Build(List<Segment> segs, double snap)
    {
        CloseOpenEdges(segs, snap);
        var xs = Cluster(segs, false, snap);
        var ys = Cluster(segs, true, snap);
        if (xs.Count < 2 || ys.Count < 2) return null;
        ys.Reverse();
        int rows = ys.Count - 1, cols = xs.Count - 1;
        if ((long)rows * cols > 20_000) return null;
        // hasH[i, c]: a horizontal ruling at ys[i] crosses column c; hasV[r, j]: a vertical ruling at xs[j] crosses row r.
        var hasH = new bool[ys.Count, cols];
        var hasV = new bool[rows, xs.Count];
        foreach (var s in segs)
        {
            if (s.Horizontal) MarkHorizontal(hasH, s, xs, ys, snap);
            else MarkVertical(hasV, s, xs, ys, snap);
        }
        var owner = new int[rows, cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) owner[r, c] = -1;
        var cells = MergeCells(owner, hasH, hasV, xs, ys);
        return new RuledGrid(xs.ToArray(), ys.ToArray(), owner, cells);
    }

    /// <summary>Marks the columns a horizontal segment crosses at the nearest row ruling.</summary>
    private static void MarkHorizontal(bool[,] hasH, Segment s, List<double> xs, List<double> ys, double snap)
    {
        int i = Nearest(ys, s.Position, snap);
        if (i < 0) return;
        for (int c = 0; c < xs.Count - 1; c++)
        {
            double mid = (xs[c] + xs[c + 1]) / 2;
            if (s.From - snap <= mid && mid <= s.To + snap) hasH[i, c] = true;
        }
    }

    /// <summary>Marks the rows a vertical segment crosses at the nearest column ruling.</summary>
    private static void MarkVertical(bool[,] hasV, Segment s, List<double> xs, List<double> ys, double snap)
    {
        int j = Nearest(xs, s.Position, snap);
        if (j < 0) return;
        for (int r = 0; r < ys.Count - 1; r++)
        {
            double mid = (ys[r] + ys[r + 1]) / 2;
            if (s.From - snap <= mid && mid <= s.To + snap) hasV[r, j] = true;
        }
    }

    /// <summary>
    /// Merges the grid positions no ruling separates into cells, each starting at its top-left position in
    /// reading order, and records every position's cell in <paramref name="owner"/>.
    /// </summary>
    private static List<RuledCell> MergeCells(int[,] owner, bool[,] hasH, bool[,] hasV, List<double> xs, List<double> ys)
    {
        int rows = owner.GetLength(0), cols = owner.GetLength(1);
        var cells = new List<RuledCell>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (owner[r, c] >= 0) continue;
                int c2 = LastOpenColumn(owner, hasV, r, c);
                int r2 = LastOpenRow(owner, hasH, r, c, c2);
                int index = cells.Count;
                cells.Add(new RuledCell(r, c, new Rect(xs[c], ys[r2 + 1], xs[c2 + 1], ys[r])));
                for (int rr = r; rr <= r2; rr++) for (int cc = c; cc <= c2; cc++) owner[rr, cc] = index;
            }
        }
        return cells;
    }

    /// <summary>The last column a cell starting at (<paramref name="r"/>, <paramref name="c"/>) reaches before a vertical ruling or a taken position.</summary>
    private static int LastOpenColumn(int[,] owner, bool[,] hasV, int r, int c)
    {
        int cols = owner.GetLength(1);
        int c2 = c;
        while (c2 + 1 < cols && !hasV[r, c2 + 1] && owner[r, c2 + 1] < 0) c2++;
        return c2;
    }

    /// <summary>The last row the columns <paramref name="c"/>..<paramref name="c2"/> reach down before a horizontal ruling or a taken position.</summary>
    private static int LastOpenRow(int[,] owner, bool[,] hasH, int r, int c, int c2)
    {
        int rows = owner.GetLength(0);
        int r2 = r;
        while (r2 + 1 < rows)
        {
            bool open = true;
            for (int cc = c; cc <= c2 && open; cc++) open = !hasH[r2 + 1, cc] && owner[r2 + 1, cc] < 0;
            if (!open) break;
            r2++;
        }
        return r2;
    }

    /// <summary>
    /// A table broken across pages often lacks the ruling above its first row on the new page (or below its
    /// last row): the vertical rulings then reach past the outermost horizontal one. Close the table there.
    /// </summary>
    private static void CloseOpenEdges(List<Segment> segs, double snap)
    {
        double hTop = double.MinValue, hBottom = double.MaxValue, vTop = double.MinValue, vBottom = double.MaxValue;
        double left = double.MaxValue, right = double.MinValue;
        foreach (var s in segs)
        {
            if (s.Horizontal)
            {
                hTop = Math.Max(hTop, s.Position);
                hBottom = Math.Min(hBottom, s.Position);
            }
            else
            {
                vTop = Math.Max(vTop, s.To);
                vBottom = Math.Min(vBottom, s.From);
                left = Math.Min(left, s.Position);
                right = Math.Max(right, s.Position);
            }
        }
        if (hTop == double.MinValue || vTop == double.MinValue || right - left <= snap) return;
        if (vTop > hTop + snap * 2) segs.Add(new Segment(true, vTop, left, right));
        if (vBottom < hBottom - snap * 2) segs.Add(new Segment(true, vBottom, left, right));
    }

    /// <summary>The grid position holding a point, or (-1, -1).</summary>
    public (int Row, int Column) Locate(double x, double y)
    {
        if (!Bounds.ContainsPoint(x, y)) return (-1, -1);
        int c = Array.BinarySearch(Xs, x);
        if (c < 0) c = ~c;
        c = Math.Clamp(c - 1, 0, ColumnCount - 1);
        int r = 0;
        while (r < RowCount - 1 && y < Ys[r + 1]) r++;
        return (r, c);
    }

    private static List<double> Cluster(List<Segment> segs, bool horizontal, double snap)
    {
        var pos = new List<(double P, double Len)>();
        foreach (var s in segs) if (s.Horizontal == horizontal) pos.Add((s.Position, s.Length));
        pos.Sort(static (a, b) => a.P.CompareTo(b.P));
        var result = new List<double>();
        int i = 0;
        while (i < pos.Count)
        {
            int j = i;
            double sum = 0, weight = 0;
            while (j < pos.Count && pos[j].P - pos[i].P <= snap)
            {
                sum += pos[j].P * pos[j].Len;
                weight += pos[j].Len;
                j++;
            }
            result.Add(weight > 0 ? sum / weight : pos[i].P);
            i = j;
        }
        return result;
    }

    private static int Nearest(List<double> values, double v, double snap)
    {
        int best = -1;
        double bestD = snap + 0.01;
        for (int i = 0; i < values.Count; i++)
        {
            double d = Math.Abs(values[i] - v);
            if (d < bestD)
            {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}

/// <summary>A merged cell of a ruled grid: its top-left grid position and its box.</summary>
internal sealed class RuledCell(int row, int column, Rect box)
{
    public int Row { get; } = row;

    public int Column { get; } = column;

    public Rect Box { get; } = box;

    public List<TextPiece> Pieces { get; } = new();
}
