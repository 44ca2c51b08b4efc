using ReportParser.Text;

namespace ReportParser.Input;

/// <summary>
/// Reads plain text into blocks. Lines holding a tab are table rows (cells split on tabs, merged cells
/// appear as empty cells), and so are Markdown pipe-table lines; consecutive rows form one table, and a blank line inside a table does not end
/// it when the next non-blank line is a row again. Other non-blank lines are paragraphs.
/// </summary>
internal static class TextInput
{
    /// <summary>Reads text without cell limits (for callers outside a parse).</summary>
    public static DocumentBlocks Read(string name, string text) => Read(name, text, CellBudget.Unbounded());

    /// <summary>
    /// Reads text under <paramref name="budget"/>: a row keeps at most its cells-per-row, a table stops
    /// taking rows at its cell limit, and no table takes rows once the document's cells are spent. Lines
    /// are read in place (no copy per line), so a huge line costs no more than its cells.
    /// </summary>
    public static DocumentBlocks Read(string name, string text, CellBudget budget)
    {
        var lines = LineRanges(text);
        var blocks = new List<Block>();
        var table = new TableRows(budget);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = text.AsSpan(lines[i].Start, lines[i].Length);
            int lineNo = i + 1;
            if (IsPipeRow(line))
            {
                // A Markdown pipe table: a |---|---| separator is part of the table, not a row.
                if (!IsPipeSeparator(line)) table.Add(table.IsCut ? null : ReadPipeRow(line, lineNo, table.CellsToRead), lineNo);
                continue;
            }
            if (line.Contains('\t'))
            {
                table.Add(table.IsCut ? null : ReadRow(line, lineNo, table.CellsToRead), lineNo);
                continue;
            }
            if (IsBlank(line))
            {
                if (table.IsOpen && NextNonBlankIsRow(text, lines, i + 1)) continue;
                table.FlushTo(blocks);
                continue;
            }
            table.FlushTo(blocks);
            int start = FirstNonSpace(line);
            blocks.Add(new ParagraphBlock(TextUtil.Trim(line).ToString(), new SourceLocation(lineNo, start + 1)));
        }
        table.FlushTo(blocks);
        return new DocumentBlocks(name, SourceFormat.Text, blocks);
    }

    /// <summary>The rows of the table being read, counted against the budget.</summary>
    private sealed class TableRows(CellBudget budget)
    {
        private List<GridRow>? _rows;
        private long _cells;
        private bool _cut;

        public bool IsOpen => _rows is not null;

        /// <summary>True once the table has stopped taking rows.</summary>
        public bool IsCut => _cut;

        /// <summary>The most cells to read of a line: one over the row limit, so that a longer row is seen.</summary>
        public int CellsToRead => budget.MaxCellsPerRow == int.MaxValue ? int.MaxValue : budget.MaxCellsPerRow + 1;

        /// <summary>Adds a read row (null when the table is already cut); cuts the table when it does not fit.</summary>
        public void Add(GridRow? row, int lineNo)
        {
            _rows ??= new List<GridRow>();
            if (row is null) return;
            if (row.Cells.Count > budget.MaxCellsPerRow)
            {
                budget.RowCut(new SourceLocation(lineNo, 1));
                row = new GridRow(row.Cells.Take(budget.MaxCellsPerRow).ToList(), row.Location);
            }
            if (row.Cells.Count > budget.TableLeft(_cells))
            {
                budget.TableCut(row.Location, _rows.Count, _cells);
                _cut = true;
                return;
            }
            _cells += row.Cells.Count;
            budget.Take(row.Cells.Count);
            _rows.Add(row);
        }

        public void FlushTo(List<Block> blocks)
        {
            if (_rows is { Count: > 0 }) blocks.Add(new TableBlock(_rows, _rows[0].Location));
            _rows = null;
            _cells = 0;
            _cut = false;
        }
    }

    private static bool NextNonBlankIsRow(string text, List<(int Start, int Length)> lines, int from)
    {
        for (int j = from; j < lines.Count && j < from + 3; j++)
        {
            var line = text.AsSpan(lines[j].Start, lines[j].Length);
            if (IsBlank(line)) continue;
            return line.Contains('\t') || IsPipeRow(line);
        }
        return false;
    }

    /// <summary>A Markdown table line: starts and ends with a pipe and has at least one inside.</summary>
    internal static bool IsPipeRow(string line) => IsPipeRow(line.AsSpan());

    private static bool IsPipeRow(ReadOnlySpan<char> line)
    {
        var t = TextUtil.Trim(line);
        return t.Length >= 3 && t[0] == '|' && t[^1] == '|' && t[1..^1].Contains('|');
    }

    private static bool IsPipeSeparator(ReadOnlySpan<char> line)
    {
        foreach (var c in line) if (c is not ('|' or '-' or ':' or ' ' or '\t')) return false;
        return true;
    }

    /// <summary>Cells of a Markdown table line, each with the column of its text.</summary>
    internal static GridRow ReadPipeRow(string line, int lineNo) => ReadPipeRow(line.AsSpan(), lineNo, int.MaxValue);

    /// <summary>The first <paramref name="maxCells"/> cells of a Markdown table line, each with the column of its text.</summary>
    private static GridRow ReadPipeRow(ReadOnlySpan<char> line, int lineNo, int maxCells)
    {
        int first = line.IndexOf('|'), last = line.LastIndexOf('|');
        var cells = new List<GridCell>();
        int start = first + 1;
        while (start <= last && cells.Count < maxCells)
        {
            int bar = line[start..].IndexOf('|');
            bar = bar < 0 ? last : Math.Min(start + bar, last);
            cells.Add(Cell(line[start..bar], lineNo, start));
            if (bar == last) break;
            start = bar + 1;
        }
        return new GridRow(cells, new SourceLocation(lineNo, first + 1));
    }

    internal static GridRow ReadRow(string line, int lineNo) => ReadRow(line.AsSpan(), lineNo, int.MaxValue);

    /// <summary>The first <paramref name="maxCells"/> tab-separated cells of a line.</summary>
    private static GridRow ReadRow(ReadOnlySpan<char> line, int lineNo, int maxCells)
    {
        var cells = new List<GridCell>();
        bool spaced = HasSpacedCells(line, maxCells);
        int start = 0;
        while (cells.Count < maxCells)
        {
            int tab = line[start..].IndexOf('\t');
            int end = tab < 0 ? line.Length : start + tab;
            if (!spaced || !AddSpacedFigures(cells, line[start..end], lineNo, start, maxCells)) cells.Add(Cell(line[start..end], lineNo, start));
            if (tab < 0) break;
            start = end + 1;
        }
        return new GridRow(cells, new SourceLocation(lineNo, 1));
    }

    /// <summary>
    /// True when some tab-separated cell of the line holds several figures apart by spaces that cannot be one
    /// number with spaces as thousands separators (<c>1 0 0</c>, <c>72  120 52</c>): tabs mixed with spaces.
    /// </summary>
    private static bool HasSpacedCells(ReadOnlySpan<char> line, int maxCells)
    {
        int start = 0;
        for (int cell = 0; cell < maxCells; cell++)
        {
            int tab = line[start..].IndexOf('\t');
            int end = tab < 0 ? line.Length : start + tab;
            if (HasInnerSpace(line[start..end]) && FigureTokens(line[start..end]) is { Count: >= 2 } tokens && !Thousands(line[start..end], tokens)) return true;
            if (tab < 0) break;
            start = end + 1;
        }
        return false;
    }

    private static bool HasInnerSpace(ReadOnlySpan<char> raw)
    {
        var t = TextUtil.Trim(raw);
        foreach (var c in t) if (TextUtil.IsSpace(c)) return true;
        return false;
    }

    /// <summary>Figures grouped by three after the first, each apart by one narrow space (<c>1 000</c>): could be one number.</summary>
    private static bool Thousands(ReadOnlySpan<char> raw, List<(int From, int To)> tokens)
    {
        if (tokens[0].To - tokens[0].From > 3) return false;
        for (int k = 1; k < tokens.Count; k++)
        {
            if (tokens[k].To - tokens[k].From != 3 || tokens[k].From - tokens[k - 1].To != 1) return false;
            if (raw[tokens[k].From - 1] is not (' ' or '\u00A0' or '\u2009')) return false;
        }
        return true;
    }

    /// <summary>The space-separated tokens of a cell when each is a figure (digits, a decimal point); else null.</summary>
    private static List<(int From, int To)>? FigureTokens(ReadOnlySpan<char> raw)
    {
        var tokens = new List<(int From, int To)>();
        int i = 0;
        while (i < raw.Length)
        {
            while (i < raw.Length && TextUtil.IsSpace(raw[i])) i++;
            int s = i;
            while (i < raw.Length && !TextUtil.IsSpace(raw[i])) i++;
            if (i > s) tokens.Add((s, i));
        }
        foreach (var (f, t) in tokens)
        {
            foreach (var c in raw[f..t]) if (!char.IsAsciiDigit(TextUtil.Narrow(c)) && TextUtil.Narrow(c) != '.') return null;
        }
        return tokens;
    }

    /// <summary>
    /// In a line with tabs mixed with spaces (<see cref="HasSpacedCells"/>), a tab-separated cell holding several
    /// figures apart by spaces (U+3000 too) is that many cells, never one number (<c>71 104</c> is 71 and 104).
    /// False when the cell is not such a run.
    /// </summary>
    private static bool AddSpacedFigures(List<GridCell> cells, ReadOnlySpan<char> raw, int lineNo, int start, int maxCells)
    {
        var tokens = FigureTokens(raw);
        if (tokens is not { Count: >= 2 }) return false;
        foreach (var (f, t) in tokens)
        {
            if (cells.Count >= maxCells) break;
            cells.Add(Cell(raw[f..t], lineNo, start + f));
        }
        return true;
    }

    /// <summary>A cell: the trimmed text and the column of its first non-space character.</summary>
    private static GridCell Cell(ReadOnlySpan<char> raw, int lineNo, int start)
    {
        int lead = 0;
        while (lead < raw.Length && TextUtil.IsSpace(raw[lead])) lead++;
        return new GridCell(TextUtil.Trim(raw).ToString(), new SourceLocation(lineNo, start + lead + 1));
    }

    private static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line) if (!TextUtil.IsSpace(c)) return false;
        return true;
    }

    private static int FirstNonSpace(ReadOnlySpan<char> line)
    {
        int i = 0;
        while (i < line.Length && TextUtil.IsSpace(line[i])) i++;
        return i;
    }

    /// <summary>Splits on CRLF, CR and LF.</summary>
    internal static List<string> SplitLines(string text)
        => LineRanges(text).ConvertAll(r => text.Substring(r.Start, r.Length));

    /// <summary>The start and length of each line, split on CRLF, CR and LF.</summary>
    private static List<(int Start, int Length)> LineRanges(string text)
    {
        var lines = new List<(int Start, int Length)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add((start, i - start));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add((start, text.Length - start));
        return lines;
    }
}
