namespace ReportParser.Input;

/// <summary>
/// Reads plain text into blocks. Lines holding a tab are table rows (cells split on tabs, merged cells
/// appear as empty cells), and so are Markdown pipe-table lines; consecutive rows form one table, and a blank line inside a table does not end
/// it when the next non-blank line is a row again. Other non-blank lines are paragraphs.
/// </summary>
internal static class TextInput
{
    public static DocumentBlocks Read(string name, string text)
    {
        var lines = SplitLines(text);
        var blocks = new List<Block>();
        List<GridRow>? rows = null;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            int lineNo = i + 1;
            if (IsPipeRow(line))
            {
                // A Markdown pipe table: a |---|---| separator is part of the table, not a row.
                if (!IsPipeSeparator(line))
                {
                    rows ??= new List<GridRow>();
                    rows.Add(ReadPipeRow(line, lineNo));
                }
                continue;
            }
            if (line.Contains('\t'))
            {
                rows ??= new List<GridRow>();
                rows.Add(ReadRow(line, lineNo));
                continue;
            }
            if (IsBlank(line))
            {
                if (rows is not null && NextNonBlankIsRow(lines, i + 1)) continue;
                Flush();
                continue;
            }
            Flush();
            int start = FirstNonSpace(line);
            blocks.Add(new ParagraphBlock(TextUtil.Trim(line), new SourceLocation(lineNo, start + 1)));
        }
        Flush();
        return new DocumentBlocks(name, SourceFormat.Text, blocks);

        void Flush()
        {
            if (rows is { Count: > 0 }) blocks.Add(new TableBlock(rows, rows[0].Location));
            rows = null;
        }
    }

    private static bool NextNonBlankIsRow(List<string> lines, int from)
    {
        for (int j = from; j < lines.Count && j < from + 3; j++)
        {
            if (IsBlank(lines[j])) continue;
            return lines[j].Contains('\t') || IsPipeRow(lines[j]);
        }
        return false;
    }

    /// <summary>A Markdown table line: starts and ends with a pipe and has at least one inside.</summary>
    internal static bool IsPipeRow(string line)
    {
        var t = TextUtil.Trim(line.AsSpan());
        return t.Length >= 3 && t[0] == '|' && t[^1] == '|' && t[1..^1].Contains('|');
    }

    private static bool IsPipeSeparator(string line)
    {
        foreach (var c in line) if (c is not ('|' or '-' or ':' or ' ' or '\t')) return false;
        return true;
    }

    /// <summary>Cells of a Markdown table line, each with the column of its text.</summary>
    internal static GridRow ReadPipeRow(string line, int lineNo)
    {
        int first = line.IndexOf('|'), last = line.LastIndexOf('|');
        var cells = new List<GridCell>();
        int start = first + 1;
        while (start <= last)
        {
            int bar = line.IndexOf('|', start);
            if (bar < 0 || bar > last) bar = last;
            var raw = line.AsSpan(start, bar - start);
            int lead = 0;
            while (lead < raw.Length && TextUtil.IsSpace(raw[lead])) lead++;
            cells.Add(new GridCell(TextUtil.Trim(raw).ToString(), new SourceLocation(lineNo, start + lead + 1)));
            if (bar == last) break;
            start = bar + 1;
        }
        return new GridRow(cells, new SourceLocation(lineNo, first + 1));
    }

    internal static GridRow ReadRow(string line, int lineNo)
    {
        var cells = new List<GridCell>();
        int start = 0;
        while (true)
        {
            int tab = line.IndexOf('\t', start);
            int end = tab < 0 ? line.Length : tab;
            var raw = line.AsSpan(start, end - start);
            int lead = 0;
            while (lead < raw.Length && TextUtil.IsSpace(raw[lead])) lead++;
            cells.Add(new GridCell(TextUtil.Trim(raw).ToString(), new SourceLocation(lineNo, start + lead + 1)));
            if (tab < 0) break;
            start = tab + 1;
        }
        return new GridRow(cells, new SourceLocation(lineNo, 1));
    }

    private static bool IsBlank(string line)
    {
        foreach (var c in line) if (!TextUtil.IsSpace(c)) return false;
        return true;
    }

    private static int FirstNonSpace(string line)
    {
        int i = 0;
        while (i < line.Length && TextUtil.IsSpace(line[i])) i++;
        return i;
    }

    /// <summary>Splits on CRLF, CR and LF.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(text[start..i]);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
