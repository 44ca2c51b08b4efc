using ReportParser.Input;
using ReportParser.Template;
using ReportParser.Text;

namespace ReportParser.Tables.Fused;

/// <summary>
/// Writes the blocks that replace one paragraph holding fused rows: the text before, between and after the
/// rows as paragraphs (or, inside a table, as 第二十条 block rows, 信息内容 header rows and table-三 group
/// rows), and each row as a grid row whose cells are the solved split, placed in template column order.
/// Every cell's location points at its digits in the source line.
/// </summary>
internal sealed class FusedGridWriter
{
    private readonly string _w;
    private readonly SourceLocation _at;
    private readonly SectionKind _kind;
    private readonly ReportTemplate _template;
    private readonly List<Block> _output = new();
    private List<GridRow>? _grid;

    private FusedGridWriter(ParagraphBlock p, SectionKind kind, ReportTemplate template)
    {
        _w = p.Text;
        _at = p.Location;
        _kind = kind;
        _template = template;
    }

    /// <summary>The blocks replacing <paramref name="p"/>. <paramref name="headerDone"/> records the tables that already have their header row.</summary>
    public static List<Block> Write(ParagraphBlock p, List<FoundRow> rows, SectionKind kind, ReportTemplate template, HashSet<SectionKind> headerDone)
    {
        var writer = new FusedGridWriter(p, kind, template);
        writer.WriteRows(rows, headerDone);
        return writer._output;
    }

    private void WriteRows(List<FoundRow> rows, HashSet<SectionKind> headerDone)
    {
        int pos = 0;
        for (int n = 0; n < rows.Count; n++)
        {
            var f = rows[n];
            if (n == 0) StartTable(pos, f, headerDone);
            else GapRows(pos, f.LabelStart, false);
            Grid.Add(DataRow(f));
            pos = f.RunEnd;
        }
        Paragraph(pos, _w.Length);
        Flush();
    }

    private List<GridRow> Grid => _grid ??= new List<GridRow>();

    private SourceLocation At(int offset) => new(_at.Line, _at.Column + offset);

    /// <summary>The text before the first row, then (tables 三 and 四) the template header row, once per table.</summary>
    private void StartTable(int pos, FoundRow first, HashSet<SectionKind> headerDone)
    {
        if (_kind == SectionKind.ProactiveDisclosure) GapRows(pos, first.LabelStart, true);
        else Paragraph(pos, first.LabelStart);
        if (_kind != SectionKind.ProactiveDisclosure && headerDone.Add(_kind)) Grid.Add(HeaderRow(_kind, At(first.LabelStart)));
    }

    private (int Start, int End) Trim(int s, int e)
    {
        while (s < e && TextUtil.IsSpace(_w[s])) s++;
        while (e > s && TextUtil.IsSpace(_w[e - 1])) e--;
        return (s, e);
    }

    private void Paragraph(int s, int e)
    {
        (s, e) = Trim(s, e);
        if (e <= s) return;
        Flush();
        _output.Add(new ParagraphBlock(_w[s..e], At(s)));
    }

    private void Flush()
    {
        if (_grid is { Count: > 0 }) _output.Add(new TableBlock(_grid, _grid[0].Location));
        _grid = null;
    }

    private GridRow LabelRow(int s, int e) => new(new[] { new GridCell(_w[s..e].Trim(), At(s)) }, At(s));

    /// <summary>Text between rows: 第二十条 block rows and 信息内容 headers (table 二), group labels (table 三), else narrative.</summary>
    private void GapRows(int s, int e, bool first)
    {
        (s, e) = Trim(s, e);
        if (e <= s) return;
        var text = _w[s..e];
        if (_kind == SectionKind.ProactiveDisclosure) ProactiveGap(s, e, text);
        else if (!first && _kind == SectionKind.Requests && TextUtil.Key(text).Length <= 24) Grid.Add(LabelRow(s, e));
        else Paragraph(s, e);
    }

    /// <summary>Table 二's gap: a 第二十条 block label row and the block's 信息内容 header, or narrative.</summary>
    private void ProactiveGap(int s, int e, string text)
    {
        var bm = ProactiveDisclosureReader.BlockRegex().Match(text);
        if (!bm.Success)
        {
            Paragraph(s, e);
            return;
        }
        Paragraph(s, s + bm.Index);
        Grid.Add(LabelRow(s + bm.Index, s + bm.Index + bm.Length));
        int h = s + bm.Index + bm.Length;
        var rest = _w[h..e];
        int info = rest.IndexOf("信息内容", StringComparison.Ordinal);
        if (info >= 0 && TextUtil.Key(rest[..info]).Length == 0) Grid.Add(HeaderCells(h + info, e));
        else if (TextUtil.Key(rest).Length > 0) Paragraph(h, e);
    }

    /// <summary>信息内容 + the block's column labels, cut where each label begins; one cell for the rest when they are not all found.</summary>
    private GridRow HeaderCells(int s, int e)
    {
        var head = new GridCell(_w[s..(s + 4)], At(s));
        var all = TemplateSchema.ProactiveFor(_template).Rows.Select(r => r.Columns).Distinct().ToList();
        foreach (var cols in all.OrderByDescending(c => c.Count))
        {
            var starts = LabelStarts(cols, s + 4, e);
            if (starts is null || TextUtil.Key(_w[(s + 4)..starts[0]]).Length > 0) continue;
            var cells = new List<GridCell> { head };
            for (int k = 0; k < starts.Count; k++)
            {
                int ce = k + 1 < starts.Count ? starts[k + 1] : e;
                cells.Add(new GridCell(_w[starts[k]..ce].Trim(), At(starts[k])));
            }
            return new GridRow(cells, At(s));
        }
        return new GridRow(new[] { head, new GridCell(_w[(s + 4)..e].Trim(), At(s + 4)) }, At(s));
    }

    /// <summary>Where each column label begins, in order, or null when one is missing.</summary>
    private List<int>? LabelStarts(IReadOnlyList<ColumnDefinition> cols, int from, int e)
    {
        var starts = new List<int>(cols.Count);
        foreach (var c in cols)
        {
            int at = FindKey(_w, from, e, TextUtil.Key(c.Label));
            if (at < 0) return null;
            starts.Add(at);
            from = at + 1;
        }
        return starts;
    }

    /// <summary>Offset where <paramref name="key"/> begins in w[from..to), spaces and punctuation inside it skipped; -1 when absent.</summary>
    private static int FindKey(string w, int from, int to, string key)
    {
        if (key.Length == 0) return -1;
        for (int i = from; i < to; i++)
        {
            if (TextUtil.Narrow(CjkCompat.Map(w[i])) == key[0] && KeyAt(w, i, to, key)) return i;
        }
        return -1;
    }

    private static bool KeyAt(string w, int i, int to, string key)
    {
        int j = i, k = 0;
        while (j < to && k < key.Length)
        {
            char c = TextUtil.Narrow(CjkCompat.Map(w[j]));
            if (TextUtil.IsIdeograph(c))
            {
                if (c != key[k]) break;
                k++;
            }
            else if (char.IsAsciiDigit(c))
            {
                break;
            }
            j++;
        }
        return k == key.Length;
    }

    /// <summary>A header row with the template's column labels, so the readers place the cells by position.</summary>
    private static GridRow HeaderRow(SectionKind kind, SourceLocation at)
    {
        var cells = new List<GridCell>();
        if (kind == SectionKind.Requests)
        {
            cells.Add(new GridCell("", at));
            foreach (var c in TemplateSchema.RequestColumnArray) cells.Add(new GridCell(c.Label, at));
        }
        else
        {
            foreach (var c in TemplateSchema.ReviewColumnArray) cells.Add(new GridCell(c.Label, at));
        }
        return new GridRow(cells, at);
    }

    private static GridRow DataRow(FoundRow f)
    {
        var r = f.Row;
        var cells = new List<GridCell>();
        if (r.Def.Label.Length > 0) cells.Add(new GridCell(r.Label, r.LabelSpan));
        int n = r.Def.Columns.Count;
        bool solved = r.Values.Length == n;
        bool blankAll = solved && !IsPositional(r) && HasGapBeforeValue(r);
        for (int k = 0; k < n; k++)
        {
            cells.Add(!blankAll && solved && r.Values[k] is not null
                ? new GridCell(r.Texts[k]!, new SourceLocation(r.RunSpan.Line, r.RunSpan.Column + r.Offsets[k]))
                : new GridCell("", r.RunSpan));
        }
        return new GridRow(cells, r.LabelSpan);
    }

    /// <summary>Rows of tables 三 and 四 are read by column position; table 二's in sequence.</summary>
    private static bool IsPositional(FusedRow r) => r.Def.Label.Length == 0 || ReferenceEquals(r.Def.Columns, TemplateSchema.RequestColumnArray);

    /// <summary>
    /// Table 二 is read in sequence: a determined cell after an undetermined one would shift left, so such
    /// rows stay blank.
    /// </summary>
    private static bool HasGapBeforeValue(FusedRow r)
    {
        bool open = false;
        for (int k = 0; k < r.Values.Length; k++)
        {
            if (r.Values[k] is null) open = true;
            else if (open) return true;
        }
        return false;
    }
}
