using System.Text;
using System.Xml.Linq;
using ReportParser.Diagnostics;
using ReportParser.Input.Html;

namespace ReportParser.Input.Office;

/// <summary>
/// Walks a WordprocessingML body in order and emits blocks:
/// <list type="bullet">
/// <item>a paragraph per w:p, its automatic number (<see cref="DocxNumbering"/>) in front; a soft line
/// break (w:br, w:cr) ends a block as &lt;br&gt; does in HTML;</item>
/// <item>a grid per data table: gridSpan and legacy hMerge spread a cell over grid columns, vMerge
/// restart/continue over rows; the positions a merged cell spans are empty cells; gridBefore/gridAfter
/// become empty cells; a cell's paragraphs and line breaks join as in HTML cells;</item>
/// <item>a table nested in a cell is not part of the cell's text: it becomes its own table block right
/// after the table that holds it (as the HTML input does), up to <see cref="MaxTableDepth"/> levels;</item>
/// <item>a layout table (one column, a cell with long running text or many paragraphs, or a frame around
/// nested tables) is read as flow: its cells' paragraphs and tables in order;</item>
/// <item>content controls (w:sdt) are read through; fields keep their result and drop their instructions;
/// tracked insertions are kept and deletions dropped; hidden text (w:vanish) is dropped;</item>
/// <item>text boxes and shapes (w:txbxContent, in DrawingML or VML) are read after the paragraph that
/// anchors them; of an mc:AlternateContent only one branch is read (the Choice when it holds a text box,
/// else the Fallback).</item>
/// </list>
/// A portal metadata table (索引号, 发布机构 …) is harvested into metadata as the HTML input does.
/// </summary>
internal sealed class DocxWalker
{
    /// <summary>Tables nested deeper than this (table in a cell in a cell …) are not read.</summary>
    public const int MaxTableDepth = 8;

    /// <summary>Element nesting deeper than this is not descended into.</summary>
    public const int MaxElementDepth = 256;

    private readonly DocxNumbering _numbering;
    private readonly ReportParserOptions _options;
    private readonly DiagnosticBag _bag;
    private readonly List<Block> _blocks = new();
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly List<bool> _fields = new(); // per open complex field: true while in its instruction part
    private int _paragraphs;
    private int _tables;
    private bool _depthReported;
    private bool _tableDepthReported;
    private bool _stopped;
    private long _gridCells; // grid positions of the tables kept so far

    public DocxWalker(DocxNumbering numbering, ReportParserOptions options, DiagnosticBag bag)
    {
        _numbering = numbering;
        _options = options;
        _bag = bag;
    }

    public IReadOnlyList<Block> Blocks => _blocks;

    public IReadOnlyDictionary<string, string> Metadata => _metadata;

    public void Walk(XElement body) => WalkBlocks(body, 0);

    private bool TooDeep(int depth)
    {
        if (depth <= MaxElementDepth) return false;
        if (!_depthReported)
        {
            _depthReported = true;
            _bag.Warning(DiagnosticCode.LimitExceeded, new SourceLocation(Math.Max(1, _paragraphs), 1), $"the document nests elements more than {MaxElementDepth} deep; the deeper content was not read");
        }
        return true;
    }

    /// <summary>Block-level content: paragraphs, tables, and the containers that wrap them.</summary>
    private void WalkBlocks(XElement container, int depth)
    {
        if (TooDeep(depth)) return;
        foreach (var e in container.Elements())
        {
            if (_stopped) return;
            switch (e.Name.LocalName)
            {
                case "p":
                    EmitParagraph(e, depth);
                    break;
                case "tbl":
                    EmitTable(e, 1, depth);
                    break;
                case "sdt":
                    if (Docx.Child(e, "sdtContent") is { } content) WalkBlocks(content, depth + 1);
                    break;
                case "customXml" or "ins" or "moveTo" or "smartTag" or "txbxContent" or "sdtContent" or "tc":
                    WalkBlocks(e, depth + 1);
                    break;
                case "AlternateContent":
                    if (Choose(e) is { } branch) WalkBlocks(branch, depth + 1);
                    break;
            }
        }
    }

    /// <summary>The one branch of an mc:AlternateContent to read: the Choice when it holds a text box, else the Fallback.</summary>
    private static XElement? Choose(XElement alternate)
    {
        XElement? choice = null, fallback = null;
        foreach (var c in alternate.Elements())
        {
            if (c.Name.LocalName == "Choice") choice ??= c;
            else if (c.Name.LocalName == "Fallback") fallback ??= c;
        }
        if (choice is not null && choice.Descendants().Any(d => d.Name.LocalName == "txbxContent")) return choice;
        return fallback ?? choice;
    }

    private void EmitParagraph(XElement p, int depth)
    {
        var text = new ParagraphText();
        var boxes = new List<XElement>();
        int line = ReadParagraph(p, text, boxes, depth);
        if (_stopped) return;
        foreach (var piece in text.Pieces())
        {
            var t = HtmlText.Normalize(piece);
            if (t.Length > 0) _blocks.Add(new ParagraphBlock(t, new SourceLocation(line, 1)));
        }
        foreach (var box in boxes) WalkBlocks(box, depth + 1);
    }

    /// <summary>Reads one w:p into <paramref name="text"/> (number first); returns its 1-based paragraph index.</summary>
    private int ReadParagraph(XElement p, ParagraphText text, List<XElement> boxes, int depth)
    {
        int line = ++_paragraphs;
        if (_paragraphs > _options.MaxLines)
        {
            _stopped = true;
            _bag.Error(DiagnosticCode.LimitExceeded, new SourceLocation(line, 1), $"the document has more than {_options.MaxLines:N0} paragraphs; the rest was not read");
            return line;
        }
        var pPr = Docx.Child(p, "pPr");
        // A paragraph whose mark is a tracked deletion merges into the next one in Word; its text is kept here.
        var number = _numbering.Next(pPr);
        if (number.Length > 0) text.Append(number);
        ReadInline(p, text, boxes, depth + 1);
        return line;
    }

    /// <summary>Run-level content of a paragraph or of an inline container.</summary>
    private void ReadInline(XElement container, ParagraphText text, List<XElement> boxes, int depth)
    {
        if (TooDeep(depth)) return;
        foreach (var e in container.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "r":
                    ReadRun(e, text, boxes, depth + 1);
                    break;
                case "ins" or "moveTo" or "hyperlink" or "smartTag" or "customXml" or "fldSimple" or "bdo" or "dir" or "sdtContent":
                    ReadInline(e, text, boxes, depth + 1);
                    break;
                case "sdt":
                    if (Docx.Child(e, "sdtContent") is { } content) ReadInline(content, text, boxes, depth + 1);
                    break;
                case "AlternateContent":
                    if (Choose(e) is { } branch) ReadInline(branch, text, boxes, depth + 1);
                    break;
                case "oMath" or "oMathPara":
                    foreach (var t in e.Descendants().Where(d => d.Name.LocalName == "t")) text.Append(t.Value);
                    break;
                    // del, moveFrom, pPr, bookmarks, comments, proofErr: nothing shown.
            }
        }
    }

    private void ReadRun(XElement r, ParagraphText text, List<XElement> boxes, int depth)
    {
        if (Docx.Child(r, "rPr") is { } rPr && Docx.IsOn(Docx.Child(rPr, "vanish"))) return;
        foreach (var e in r.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "fldChar":
                    OnFieldChar(e);
                    break;
                case "drawing" or "pict" or "object":
                    CollectBoxes(e, boxes, depth + 1);
                    break;
                case "AlternateContent":
                    if (Choose(e) is { } branch) CollectBoxes(branch, boxes, depth + 1);
                    break;
                default:
                    AppendRunText(e, text);
                    break;
            }
        }
    }

    /// <summary>The shown text of one run child (text, tab, break, hyphen), outside field instructions.</summary>
    private void AppendRunText(XElement e, ParagraphText text)
    {
        switch (e.Name.LocalName)
        {
            case "t":
                if (!InInstruction) text.Append(e.Value);
                break;
            case "tab" or "ptab":
                if (!InInstruction) text.Append(" ");
                break;
            case "br" or "cr":
                if (!InInstruction) text.Break();
                break;
            case "noBreakHyphen":
                if (!InInstruction) text.Append("-");
                break;
                // instrText, delText, rPr, sym, footnote references: not shown text.
        }
    }

    /// <summary>Opens, separates or closes a complex field.</summary>
    private void OnFieldChar(XElement e)
    {
        switch (Docx.Attr(e, "fldCharType"))
        {
            case "begin":
                if (_fields.Count < 64) _fields.Add(true);
                break;
            case "separate":
                if (_fields.Count > 0) _fields[^1] = false;
                break;
            case "end":
                if (_fields.Count > 0) _fields.RemoveAt(_fields.Count - 1);
                break;
        }
    }

    private bool InInstruction
    {
        get
        {
            foreach (var f in _fields) if (f) return true;
            return false;
        }
    }

    /// <summary>Text boxes inside a drawing, VML picture or shape; an mc:AlternateContent inside is read once.</summary>
    private void CollectBoxes(XElement e, List<XElement> boxes, int depth)
    {
        if (TooDeep(depth)) return;
        foreach (var c in e.Elements())
        {
            var name = c.Name.LocalName;
            if (name == "txbxContent") boxes.Add(c);
            else if (name == "AlternateContent")
            {
                if (Choose(c) is { } branch) CollectBoxes(branch, boxes, depth + 1);
            }
            else CollectBoxes(c, boxes, depth + 1);
        }
    }

    private sealed class CellContent
    {
        public string Text = "";
        public int Line;
        public int Paragraphs;
        public int Location = 1;
        public string? VMerge; // null, "restart" or "continue"
        public bool HMergeContinue;
    }

    /// <summary>The walk's state before a table, to undo when the table is re-read as flow.</summary>
    private readonly record struct WalkMark(int Paragraphs, List<bool> Fields, int Blocks, object Counters);

    private void EmitTable(XElement tbl, int tableDepth, int depth)
    {
        if (_stopped || TooDeep(depth) || TableTooDeep(tableDepth)) return;
        // Past the document's cells (or tables) the limits drop every further table and say so: build none.
        if (_gridCells > _options.MaxDocumentCells || _tables > _options.MaxTables) return;
        // Remember the state: a layout table is re-read as flow.
        var mark = new WalkMark(_paragraphs, _fields.ToList(), _blocks.Count, _numbering.Snapshot());

        var nested = new List<XElement>();
        var boxes = new List<XElement>();
        var rows = new List<List<CellContent>>();
        var rowLines = new List<int>();
        if (!ReadRows(tbl, depth, nested, boxes, rows, rowLines)) return;

        var grid = ExpandSpans(rows, rowLines);
        if (IsLayout(rows, grid, nested))
        {
            ReadAgainAsFlow(tbl, tableDepth, depth, mark);
            return;
        }

        var texts = grid.Select(r => (IReadOnlyList<string>)r.Select(c => c.Text).ToList()).ToList();
        if (!HtmlMetadataTable.TryHarvest(texts, _metadata)) AddTableBlock(grid, rowLines);
        foreach (var n in nested) EmitTable(n, tableDepth + 1, depth + 1);
        foreach (var box in boxes) WalkBlocks(box, depth + 1);
    }

    /// <summary>True (reporting it once) when a table is nested deeper than <see cref="MaxTableDepth"/>.</summary>
    private bool TableTooDeep(int tableDepth)
    {
        if (tableDepth <= MaxTableDepth) return false;
        if (!_tableDepthReported)
        {
            _tableDepthReported = true;
            _bag.Warning(DiagnosticCode.LimitExceeded, new SourceLocation(Math.Max(1, _paragraphs), 1), $"tables are nested more than {MaxTableDepth} deep; the deeper tables were not read");
        }
        return true;
    }

    /// <summary>Reads the table's rows into cells; false when the walk stopped inside it.</summary>
    private bool ReadRows(XElement tbl, int depth, List<XElement> nested, List<XElement> boxes, List<List<CellContent>> rows, List<int> rowLines)
    {
        long cellCount = 0;
        foreach (var tr in RowsOf(tbl, depth + 1))
        {
            if (Docx.Child(tr, "trPr") is { } trPr0 && Docx.Child(trPr0, "del") is not null) continue; // a deleted row
            var row = new List<CellContent>();
            var (before, after) = GridPadding(tr);
            for (int i = 0; i < before; i++) row.Add(new CellContent());
            int firstLine = _paragraphs + 1;
            foreach (var tc in CellsOf(tr, depth + 1))
            {
                var cell = ReadCell(tc, nested, boxes, depth + 1);
                row.Add(cell);
                cellCount += cell.Location;
                if (_stopped) return false;
            }
            for (int i = 0; i < after; i++) row.Add(new CellContent());
            rows.Add(row);
            rowLines.Add(firstLine);
            if (cellCount > _options.MaxTableCells * 2L) break; // Limits cuts the grid; do not build a bigger one
        }
        return true;
    }

    /// <summary>The grid columns a row skips before its first cell and after its last (gridBefore, gridAfter).</summary>
    private static (int Before, int After) GridPadding(XElement tr)
    {
        if (Docx.Child(tr, "trPr") is not { } trPr) return (0, 0);
        int before = Math.Clamp(Docx.Child(trPr, "gridBefore") is { } gb ? Docx.IntAttr(gb, "val") ?? 0 : 0, 0, 64);
        int after = Math.Clamp(Docx.Child(trPr, "gridAfter") is { } ga ? Docx.IntAttr(ga, "val") ?? 0 : 0, 0, 64);
        return (before, after);
    }

    /// <summary>Expands spans into grid positions; merged continuations are empty.</summary>
    private static List<List<(string Text, int Line)>> ExpandSpans(List<List<CellContent>> rows, List<int> rowLines)
    {
        var grid = new List<List<(string Text, int Line)>>(rows.Count);
        foreach (var row in rows)
        {
            var g = new List<(string, int)>();
            foreach (var c in row)
            {
                var t = c.VMerge == "continue" || c.HMergeContinue ? "" : c.Text;
                int span = Math.Clamp(c.Location, 1, 64);
                int line = c.Line > 0 ? c.Line : rowLines[grid.Count];
                g.Add((t, line));
                for (int k = 1; k < span; k++) g.Add(("", line));
            }
            grid.Add(g);
        }
        return grid;
    }

    /// <summary>A table used for layout: one column, long or many-paragraph cells, or nesting with little data.</summary>
    private static bool IsLayout(List<List<CellContent>> rows, List<List<(string Text, int Line)>> grid, List<XElement> nested)
    {
        int width = grid.Count == 0 ? 0 : grid.Max(r => r.Count);
        int dataRows = grid.Count(r => r.Count(c => c.Text.Length > 0) >= 2);
        bool longText = rows.Any(r => r.Any(c => c.Text.Length > 200));
        bool blocky = rows.Any(r => r.Any(c => c.Paragraphs > 12));
        return width <= 1 || longText || blocky || (nested.Count > 0 && dataRows < 2);
    }

    /// <summary>Undoes what reading the table did (counters, fields, blocks, numbering), then walks its cells in order as flow.</summary>
    private void ReadAgainAsFlow(XElement tbl, int tableDepth, int depth, WalkMark mark)
    {
        _paragraphs = mark.Paragraphs;
        _fields.Clear();
        _fields.AddRange(mark.Fields);
        if (_blocks.Count > mark.Blocks) _blocks.RemoveRange(mark.Blocks, _blocks.Count - mark.Blocks);
        _numbering.Restore(mark.Counters);
        foreach (var tr in RowsOf(tbl, depth + 1))
        {
            foreach (var tc in CellsOf(tr, depth + 1)) WalkCellAsFlow(tc, tableDepth, depth + 1);
        }
    }

    /// <summary>Adds the grid as a table block, leaving out empty rows.</summary>
    private void AddTableBlock(List<List<(string Text, int Line)>> grid, List<int> rowLines)
    {
        int index = ++_tables;
        var blockRows = new List<GridRow>(grid.Count);
        for (int r = 0; r < grid.Count; r++)
        {
            var src = grid[r];
            if (src.All(c => c.Text.Length == 0)) continue;
            var cells = new List<GridCell>(src.Count);
            for (int c = 0; c < src.Count; c++) cells.Add(new GridCell(src[c].Text, new SourceLocation(src[c].Line, 1).InGrid(index, r + 1, c + 1)));
            blockRows.Add(new GridRow(cells, new SourceLocation(rowLines[r], 1).InGrid(index, r + 1, 1)));
        }
        if (blockRows.Count > 0) _blocks.Add(new TableBlock(blockRows, blockRows[0].Location));
        foreach (var row in blockRows) _gridCells += row.Cells.Count;
    }

    private void WalkCellAsFlow(XElement tc, int tableDepth, int depth)
    {
        if (TooDeep(depth)) return;
        foreach (var e in tc.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "p":
                    EmitParagraph(e, depth);
                    break;
                case "tbl":
                    EmitTable(e, tableDepth + 1, depth + 1);
                    break;
                case "sdt":
                    if (Docx.Child(e, "sdtContent") is { } content) WalkCellAsFlow(content, tableDepth, depth + 1);
                    break;
                case "customXml" or "ins" or "moveTo":
                    WalkCellAsFlow(e, tableDepth, depth + 1);
                    break;
                case "AlternateContent":
                    if (Choose(e) is { } branch) WalkCellAsFlow(branch, tableDepth, depth + 1);
                    break;
            }
        }
    }

    /// <summary>The rows of a table, through row-level content controls, custom XML and insertions.</summary>
    private IEnumerable<XElement> RowsOf(XElement tbl, int depth)
    {
        if (TooDeep(depth)) yield break;
        foreach (var e in tbl.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "tr":
                    yield return e;
                    break;
                case "sdt":
                    if (Docx.Child(e, "sdtContent") is { } content) foreach (var r in RowsOf(content, depth + 1)) yield return r;
                    break;
                case "customXml" or "ins" or "moveTo":
                    foreach (var r in RowsOf(e, depth + 1)) yield return r;
                    break;
            }
        }
    }

    private IEnumerable<XElement> CellsOf(XElement tr, int depth)
    {
        if (TooDeep(depth)) yield break;
        foreach (var e in tr.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "tc":
                    yield return e;
                    break;
                case "sdt":
                    if (Docx.Child(e, "sdtContent") is { } content) foreach (var c in CellsOf(content, depth + 1)) yield return c;
                    break;
                case "customXml" or "ins" or "moveTo":
                    foreach (var c in CellsOf(e, depth + 1)) yield return c;
                    break;
            }
        }
    }

    private CellContent ReadCell(XElement tc, List<XElement> nested, List<XElement> boxes, int depth)
    {
        var cell = new CellContent();
        if (Docx.Child(tc, "tcPr") is { } tcPr)
        {
            if (Docx.Child(tcPr, "gridSpan") is { } gs && Docx.IntAttr(gs, "val") is int span) cell.Location = Math.Clamp(span, 1, 64);
            if (Docx.Child(tcPr, "vMerge") is { } vm) cell.VMerge = Docx.Attr(vm, "val") == "restart" ? "restart" : "continue";
            if (Docx.Child(tcPr, "hMerge") is { } hm) cell.HMergeContinue = Docx.Attr(hm, "val") != "restart";
        }
        var pieces = new List<string>();
        ReadCellContent(tc, cell, pieces, nested, boxes, depth);
        cell.Text = HtmlText.JoinPieces(pieces);
        return cell;
    }

    private void ReadCellContent(XElement container, CellContent cell, List<string> pieces, List<XElement> nested, List<XElement> boxes, int depth)
    {
        if (TooDeep(depth)) return;
        foreach (var e in container.Elements())
        {
            if (_stopped) return;
            switch (e.Name.LocalName)
            {
                case "p":
                    var text = new ParagraphText();
                    int line = ReadParagraph(e, text, boxes, depth + 1);
                    if (cell.Line == 0) cell.Line = line;
                    cell.Paragraphs++;
                    foreach (var piece in text.Pieces())
                    {
                        var t = HtmlText.Normalize(piece);
                        if (t.Length > 0) pieces.Add(t);
                    }
                    break;
                case "tbl":
                    nested.Add(e);
                    break;
                case "sdt":
                    if (Docx.Child(e, "sdtContent") is { } content) ReadCellContent(content, cell, pieces, nested, boxes, depth + 1);
                    break;
                case "customXml" or "ins" or "moveTo":
                    ReadCellContent(e, cell, pieces, nested, boxes, depth + 1);
                    break;
                case "AlternateContent":
                    if (Choose(e) is { } branch) ReadCellContent(branch, cell, pieces, nested, boxes, depth + 1);
                    break;
            }
        }
    }

    /// <summary>A paragraph's text as pieces separated by line breaks.</summary>
    private sealed class ParagraphText
    {
        private readonly List<string> _done = new();
        private readonly StringBuilder _current = new();

        public void Append(string s) => _current.Append(s);

        public void Break()
        {
            _done.Add(_current.ToString());
            _current.Clear();
        }

        public IEnumerable<string> Pieces()
        {
            foreach (var d in _done) yield return d;
            yield return _current.ToString();
        }
    }
}
