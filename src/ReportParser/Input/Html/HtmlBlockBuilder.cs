using System.Text;
using AngleSharp.Dom;
using ReportParser.Diagnostics;
using ReportParser.Text;

namespace ReportParser.Input.Html;

/// <summary>
/// Walks a parsed page (iteratively: no recursion, so nesting depth cannot overflow the stack) and emits
/// the same blocks the text input does: a paragraph per block element or &lt;br&gt;-separated line, and a
/// grid per data table. Page chrome (scripts, styles, navigation, site header and footer) is dropped; a
/// metadata table (索引号, 发布机构, 发文日期 …) is harvested into <see cref="DocumentBlocks.Metadata"/>;
/// a layout table (one column, long text in a cell, or a frame around nested tables) is walked as flow.
/// </summary>
internal sealed class HtmlBlockBuilder
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object", "embed",
        "svg", "math", "select", "option", "button", "input", "textarea", "nav", "canvas", "audio", "video", "map",
    };

    private static readonly HashSet<string> BlockNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
        "thead", "tbody", "tfoot", "caption", "section", "article", "main", "aside", "header", "footer", "blockquote",
        "pre", "form", "center", "address", "hr", "br", "body", "html", "fieldset", "figure", "figcaption", "details",
        "summary", "ucapcontent",
    };

    private readonly CellBudget _budget;
    private readonly DiagnosticBag _bag;
    private readonly List<Block> _blocks = new();
    private readonly List<HtmlImage> _images = new();
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly StringBuilder _line = new();
    private SourceLocation _lineSpan;
    private int _tables;

    /// <summary>A builder whose tables are read under <paramref name="budget"/>; limit diagnostics go to <paramref name="bag"/>.</summary>
    public HtmlBlockBuilder(CellBudget budget, DiagnosticBag bag)
    {
        _budget = budget;
        _bag = bag;
    }

    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>The page's <c>&lt;img&gt;</c> elements with a <c>src</c>, in order, each with the block index it stands before (for <see cref="HtmlImages"/>).</summary>
    public IReadOnlyList<HtmlImage> Images => _images;

    public IReadOnlyDictionary<string, string> Metadata => _metadata;

    public static bool IsBlock(IElement e) => BlockNames.Contains(e.LocalName);

    public static bool IsDropped(IElement e)
    {
        if (Dropped.Contains(e.LocalName)) return true;
        if (e.LocalName is "header" or "footer" && e.Closest("article, main") is null) return true;
        if (e.GetAttribute("hidden") is not null) return true;
        var style = e.GetAttribute("style");
        if (style is not null && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static SourceLocation LocationOf(IElement? e)
    {
        var p = e?.SourceReference?.Position;
        return p is { } pos && pos.Line > 0 ? new SourceLocation(pos.Line, Math.Max(1, pos.Column)) : SourceLocation.Unknown;
    }

    /// <summary>Walks the tree; stops (false) when <paramref name="token"/> fires, checked every 4,096 nodes.</summary>
    public bool Walk(INode root, CancellationToken token = default)
    {
        int visited = 0;
        // (node, leaving): leaving=true marks the end of a block element, where the current line ends.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if ((++visited & 4095) == 0 && token.IsCancellationRequested) return false;
            if (leaving)
            {
                Flush();
                continue;
            }
            switch (node)
            {
                case IText text:
                    Append(text.Data, text.ParentElement);
                    continue;
                case IElement e:
                    if (IsDropped(e)) continue;
                    if (e.LocalName == "br")
                    {
                        Flush();
                        continue;
                    }
                    if (e.LocalName == "img")
                    {
                        AddImage(e);
                        continue;
                    }
                    if (e.LocalName == "table" && HandleTable(e, stack)) continue;
                    if (IsBlock(e))
                    {
                        Flush();
                        stack.Push((e, true));
                    }
                    PushChildren(e, stack);
                    continue;
                case IDocument or IDocumentFragment:
                    PushChildren(node, stack);
                    continue;
            }
        }
        Flush();
        return true;
    }

    /// <summary>An image ends the current line; at most a few hundred are kept (the reader reads fewer).</summary>
    private void AddImage(IElement e)
    {
        if (e.GetAttribute("src") is not { Length: > 0 } src || _images.Count >= 256) return;
        Flush();
        _images.Add(new HtmlImage(src, e.GetAttribute("width"), e.GetAttribute("height"), LocationOf(e), _blocks.Count));
    }

    private static void PushChildren(INode node, Stack<(INode, bool)> stack)
    {
        var children = node.ChildNodes;
        for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false));
    }

    private void Append(string data, IElement? parent)
    {
        if (_line.Length == 0)
        {
            bool blank = true;
            foreach (var c in data) if (!TextUtil.IsSpace(c)) { blank = false; break; }
            if (blank) return;
            _lineSpan = LocationOf(parent);
        }
        _line.Append(data);
    }

    private void Flush()
    {
        if (_line.Length == 0) return;
        var text = HtmlText.Normalize(_line.ToString());
        _line.Clear();
        if (text.Length == 0) return;
        // A page's "标题：…" label line (portal chrome, crawler headers) holds the title itself.
        if (text.StartsWith("标题：", StringComparison.Ordinal) || text.StartsWith("标题:", StringComparison.Ordinal)) text = text[3..].TrimStart();
        if (text.Length > 0) _blocks.Add(new ParagraphBlock(text, _lineSpan));
    }

    /// <summary>The diagnostics of the limits a data table hit while it was expanded.</summary>
    private void ReportLimits(IElement table, HtmlTableGrid grid, int index)
    {
        var limits = grid.Limits;
        var at = LocationOf(table).InGrid(index, 1, 1);
        if (limits.SpanOverMaximum)
        {
            _bag.Warning(DiagnosticCode.LimitExceeded, at,
                $"a cell's colspan or rowspan is over the HTML maximum ({HtmlTableGrid.MaxColSpan:N0} columns, {HtmlTableGrid.MaxRowSpan:N0} rows); read as the maximum");
        }
        if (limits.RowCut) _budget.RowCut(at);
        if (limits.CutAt is { } tr) _budget.TableCut(LocationOf(tr).InGrid(index, limits.RowsKept + 1, 1), limits.RowsKept, limits.TableCells);
        else if (limits.SpansShortened) _budget.SpansShortened(at);
    }

    /// <summary>Handles a table; returns false when it is a layout table to walk as flow.</summary>
    private bool HandleTable(IElement table, Stack<(INode, bool)> stack)
    {
        if (_budget.DocumentLeft <= 0)
        {
            // The document's cells are spent: later tables are not read, whatever they hold.
            _budget.DocumentCut(LocationOf(table));
            return true;
        }
        var grid = HtmlTableGrid.Build(table, _budget);
        if (HtmlMetadataTable.TryHarvest(grid, _metadata)) return true;
        if (grid.IsLayout) return false;
        Flush();
        foreach (var caption in table.Children.Where(c => c.LocalName == "caption"))
        {
            var text = HtmlText.Normalize(caption.TextContent);
            if (text.Length > 0) _blocks.Add(new ParagraphBlock(text, LocationOf(caption)));
        }
        int index = ++_tables;
        ReportLimits(table, grid, index);
        var rows = new List<GridRow>(grid.Rows.Count);
        for (int r = 0; r < grid.Rows.Count; r++)
        {
            var src = grid.Rows[r];
            if (src.All(c => c.Text.Length == 0)) continue;
            var cells = new List<GridCell>(src.Count);
            for (int c = 0; c < src.Count; c++)
            {
                cells.Add(new GridCell(src[c].Text, LocationOf(src[c].Element).InGrid(index, r + 1, c + 1)));
            }
            rows.Add(new GridRow(cells, LocationOf(grid.RowElements[r]).InGrid(index, r + 1, 1)));
        }
        if (rows.Count > 0) _blocks.Add(new TableBlock(rows, rows[0].Location));
        // Tables nested in cells follow the table, each as its own table.
        for (int i = grid.NestedTables.Count - 1; i >= 0; i--) stack.Push((grid.NestedTables[i], false));
        return true;
    }
}
