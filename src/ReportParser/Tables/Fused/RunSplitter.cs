using System.Globalization;

namespace ReportParser.Tables.Fused;

/// <summary>One cell of a split run: its text, its offset in the run and its value.</summary>
internal readonly record struct RunCell(string Text, int Offset, decimal Value);

/// <summary>
/// Splits a fused run of digits (cell delimiters lost, some spaces kept) into a known number of cells.
/// A space is always a cell boundary; a boundary may also fall between any two characters, except
/// that a multi-digit count has no leading zero, a sign only opens a signed cell, a decimal point and a
/// unit stay inside their cell, and a unit ends its cell. The search is bounded.
/// </summary>
internal static class RunSplitter
{
    private static readonly string[] AmountUnits = { "万元", "元" };
    private static readonly string[] CountUnits = { "件", "条", "个", "笔", "项", "次" };

    /// <summary>The run's pieces between spaces, with their offsets.</summary>
    public static List<(string Text, int Offset)> Segments(string run)
    {
        var list = new List<(string, int)>();
        int i = 0;
        while (i < run.Length)
        {
            while (i < run.Length && char.IsWhiteSpace(run[i])) i++;
            int s = i;
            while (i < run.Length && !char.IsWhiteSpace(run[i])) i++;
            if (i > s) list.Add((run[s..i], s));
        }
        return list;
    }

    /// <summary>
    /// Every split of <paramref name="run"/> into cells of the given kinds that the local rules allow;
    /// <paramref name="bounded"/> is true when the search stopped at <paramref name="limit"/> splits.
    /// With <paramref name="groupSize"/> above 0 the cells fall in groups of that size whose last cell is the
    /// sum of the others (table 四's 总计), and a group that breaks its sum ends the branch as soon as it is
    /// complete, so runs far longer than the cell count can be searched.
    /// </summary>
    public static List<RunCell[]> Split(string run, ValueKind[] kinds, int limit, out bool bounded, int groupSize = 0)
    {
        var segs = Segments(run);
        var result = new List<RunCell[]>();
        var current = new RunCell[kinds.Length];
        bool hitLimit = false;
        int steps = 0;
        Walk(0, 0, 0);
        bounded = hitLimit;
        return result;

        void Walk(int seg, int pos, int col)
        {
            if (hitLimit) return;
            if (++steps > limit * 50) { hitLimit = true; return; }
            if (seg == segs.Count)
            {
                if (col == kinds.Length)
                {
                    if (result.Count >= limit) { hitLimit = true; return; }
                    result.Add((RunCell[])current.Clone());
                }
                return;
            }
            if (col == kinds.Length) return;
            if (!CanFill(segs, seg, pos, kinds.Length - col)) return;
            var text = segs[seg].Text;
            // A count never starts with 0 unless it is 0: only a one-character cell can start there.
            int last = text[pos] == '0' && kinds[col] != ValueKind.Amount ? pos + 1 : text.Length;
            for (int end = pos + 1; end <= last; end++)
            {
                var piece = text[pos..end];
                if (!TryCell(piece, kinds[col], out var value)) continue;
                current[col] = new RunCell(piece, segs[seg].Offset + pos, value);
                if (!GroupHolds(current, col, groupSize)) continue;
                if (end == text.Length) Walk(seg + 1, 0, col + 1);
                else Walk(seg, end, col + 1);
                if (hitLimit) return;
            }
        }
    }

    /// <summary>
    /// True when the characters left from <paramref name="pos"/> of segment <paramref name="seg"/> can fill
    /// <paramref name="columns"/> cells: at least one character each, and no more segments than cells.
    /// </summary>
    private static bool CanFill(List<(string Text, int Offset)> segs, int seg, int pos, int columns)
    {
        int remainingChars = segs[seg].Text.Length - pos;
        for (int k = seg + 1; k < segs.Count; k++) remainingChars += segs[k].Text.Length;
        return remainingChars >= columns && segs.Count - seg <= columns;
    }

    /// <summary>
    /// True unless cell <paramref name="col"/> closes a group of <paramref name="size"/> cells (size above 0) whose
    /// last cell is not the sum of the others.
    /// </summary>
    private static bool GroupHolds(RunCell[] cells, int col, int size)
    {
        if (size <= 0 || (col + 1) % size != 0) return true;
        int first = col + 1 - size;
        decimal sum = 0;
        for (int i = first; i < first + size - 1; i++) sum += cells[i].Value;
        return sum == cells[first + size - 1].Value;
    }

    /// <summary>True when <paramref name="s"/> is a well-formed cell of the kind (no leading zero, sign, decimal and unit rules).</summary>
    public static bool TryCell(string s, ValueKind kind, out decimal value)
    {
        value = 0;
        if (s.Length == 0) return false;
        var body = WithoutUnit(s, kind);
        bool negative = false;
        int digitsStart = 0;
        if (body[0] is '+' or '-')
        {
            if (kind != ValueKind.SignedCount) return false;
            negative = body[0] == '-';
            digitsStart = 1;
        }
        if (!TryFindDecimalPoint(body, digitsStart, kind, out int dot)) return false;
        if (!IsWellFormedNumber(body, digitsStart, dot)) return false;
        value = DigitsValue(body, digitsStart, dot);
        if (negative) value = -value;
        return true;
    }

    /// <summary>The cell without the unit of its kind that ends it, if any (a unit alone is not stripped).</summary>
    private static string WithoutUnit(string s, ValueKind kind)
    {
        foreach (var u in kind == ValueKind.Amount ? AmountUnits : CountUnits)
        {
            if (s.Length > u.Length && s.EndsWith(u, StringComparison.Ordinal)) return s[..^u.Length];
        }
        return s;
    }

    /// <summary>
    /// Checks that only digits and, in an amount, one decimal point follow <paramref name="digitsStart"/>;
    /// <paramref name="dot"/> is the point's index or -1.
    /// </summary>
    private static bool TryFindDecimalPoint(string body, int digitsStart, ValueKind kind, out int dot)
    {
        dot = -1;
        for (int i = digitsStart; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '.')
            {
                if (kind != ValueKind.Amount || dot >= 0) return false;
                dot = i;
                continue;
            }
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    /// <summary>An integer part without a leading zero (and no signed zero), no trailing point, at most 20 characters.</summary>
    private static bool IsWellFormedNumber(string body, int digitsStart, int dot)
    {
        int intLen = (dot < 0 ? body.Length : dot) - digitsStart;
        if (intLen <= 0) return false;
        if (dot >= 0 && dot == body.Length - 1) return false;
        if (intLen > 1 && body[digitsStart] == '0') return false;
        if (digitsStart == 1 && intLen == 1 && body[1] == '0') return false; // -0, +0
        return body.Length - digitsStart <= 20;
    }

    /// <summary>The unsigned value of the digits (and decimal point) from <paramref name="digitsStart"/>.</summary>
    private static decimal DigitsValue(string body, int digitsStart, int dot)
    {
        if (dot < 0 && body.Length - digitsStart <= 18)
        {
            long n = 0;
            for (int k = digitsStart; k < body.Length; k++) n = n * 10 + (body[k] - '0');
            return n;
        }
        return decimal.Parse(body.AsSpan(digitsStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }
}
