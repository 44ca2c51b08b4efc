namespace ReportParser.Input.Html;

/// <summary>
/// Bounds the nesting depth of a page before it is parsed. A linear scan of the raw markup follows the
/// stack of open elements the way an HTML parser builds it, closely enough to bound its depth: void
/// elements and self-closing tags in SVG/MathML open nothing; elements whose end tag is optional (p, li,
/// td, tr …) are closed by their siblings and are not counted; an end tag closes up to its element; a
/// repeated a, button, nobr, select or heading closes the open one; script, style and the other raw-text
/// elements are skipped to their end tag; comments and declarations are skipped. A start tag that would
/// open an element deeper than the limit is removed (blanked), and so is its end tag: the text inside is
/// kept, read as if those tags were absent. A blanked tag's line breaks are kept, so every line number is
/// unchanged; only columns after a blanked tag on its own line move. The stack it keeps never holds more elements than the limit, so its cost is linear in the markup.
/// The same blanking bounds the number of elements: the tags after the first so many are blanked too, so
/// a page of millions of tiny elements cannot make the parsed document (or its text) huge.
/// </summary>
internal sealed class HtmlDepth
{
    // More distinct tag names than this share one entry, so a page of invented names cannot grow the table.
    private const int MaxNames = 10_000;

    private static readonly string[] VoidNames =
        ["area", "base", "br", "col", "embed", "hr", "img", "image", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame"];

    private static readonly string[] OptionalEndNames =
        ["p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body"];

    // noscript is not here: the page is parsed with scripting off, so its content is markup.
    private static readonly string[] RawTextNames = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    private static readonly string[] ReopenClosesNames = ["a", "button", "nobr", "select", "h1", "h2", "h3", "h4", "h5", "h6"];

    private static readonly string[] IntegrationPointNames = ["foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"];

    // HTML elements that end SVG/MathML content when they start inside it.
    private static readonly string[] BreakoutNames =
    [
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
        "sub", "sup", "table", "tt", "u", "ul", "var", "font",
    ];

    [Flags]
    private enum Kind : ushort
    {
        None = 0,
        Void = 1,
        OptionalEnd = 2,
        RawText = 4,
        ReopenCloses = 8,
        IntegrationPoint = 16,
        Breakout = 32,
        Foreign = 64,
        PlainText = 128,
        IgnoredWhenOpen = 256,
    }

    private readonly string _html;
    private readonly int _maxDepth;
    private readonly int _maxElements;
    private int _elements;
    private int _firstTooMany = -1;
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<Kind> _kinds = new();
    private readonly List<int> _open = new();
    private readonly List<int> _phantom = new();
    private readonly List<(int Id, bool Foreign)> _stack = new();
    private readonly List<(int Start, int End)> _blanked = new();
    private int _firstTooDeep = -1;

    private HtmlDepth(string html, int maxDepth, int maxElements)
    {
        _html = html;
        _maxDepth = maxDepth;
        _maxElements = maxElements;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Id(" "); // entry 0, no tag's name: the names past MaxNames share it
        Register(VoidNames, Kind.Void);
        Register(OptionalEndNames, Kind.OptionalEnd);
        Register(RawTextNames, Kind.RawText);
        Register(ReopenClosesNames, Kind.ReopenCloses);
        Register(IntegrationPointNames, Kind.IntegrationPoint);
        Register(BreakoutNames, Kind.Breakout);
        Register(["svg", "math"], Kind.Foreign);
        Register(["plaintext"], Kind.PlainText);
        Register(["form"], Kind.IgnoredWhenOpen);
    }

    /// <summary>
    /// The page with its tags deeper than <paramref name="maxDepth"/> blanked, and those of the elements after
    /// the first <paramref name="maxElements"/> (a raw-text element such as a script wholly); the page itself
    /// when none is. The result also tells where the first tag of each kind was blanked (-1 for none).
    /// </summary>
    public static DepthResult Limit(string html, int maxDepth, int maxElements = int.MaxValue)
    {
        var scan = new HtmlDepth(html, maxDepth, maxElements);
        scan.Scan();
        return scan._blanked.Count == 0
            ? new DepthResult(html, -1, -1)
            : new DepthResult(scan.Blank(), scan._firstTooDeep, scan._firstTooMany);
    }

    private void Register(string[] names, Kind kind)
    {
        foreach (var n in names) _kinds[Id(n)] |= kind;
    }

    private int Id(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out int id)) return id;
        if (_ids.Count >= MaxNames) return 0;
        id = _ids.Count;
        _lookup[name] = id;
        _kinds.Add(Kind.None);
        _open.Add(0);
        _phantom.Add(0);
        return id;
    }

    private void Scan()
    {
        int i = 0;
        while (i >= 0 && i < _html.Length)
        {
            int lt = _html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= _html.Length) return;
            char c = _html[lt + 1];
            if (char.IsAsciiLetter(c)) i = StartTag(lt);
            else if (c == '/' && lt + 2 < _html.Length && char.IsAsciiLetter(_html[lt + 2])) i = EndTag(lt);
            else if (c == '!') i = Declaration(lt);
            else if (c is '?' or '/') i = After('>', lt);
            else i = lt + 1;
        }
    }

    /// <summary>The index after the next <paramref name="c"/> from <paramref name="from"/>, or -1 (the rest is skipped).</summary>
    private int After(char c, int from)
    {
        int k = _html.IndexOf(c, from);
        return k < 0 ? -1 : k + 1;
    }

    /// <summary>Skips a comment (&lt;!-- … --&gt;, also the empty &lt;!--&gt;) or a declaration (&lt;!DOCTYPE …&gt;).</summary>
    private int Declaration(int lt)
    {
        if (string.CompareOrdinal(_html, lt, "<!--", 0, 4) != 0) return After('>', lt);
        int end = _html.IndexOf("-->", lt + 2, StringComparison.Ordinal);
        return end < 0 ? -1 : end + 3;
    }

    private int NameEnd(int from)
    {
        int j = from;
        while (j < _html.Length && !IsTagSpace(_html[j]) && _html[j] is not ('/' or '>')) j++;
        return j;
    }

    /// <summary>The end of an attribute name (its first character, even '=', is already taken).</summary>
    private int AttributeNameEnd(int from)
    {
        int j = from;
        while (j < _html.Length && !IsTagSpace(_html[j]) && _html[j] is not ('/' or '>' or '=')) j++;
        return j;
    }

    private static bool IsTagSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private int SkipSpace(int j)
    {
        while (j < _html.Length && IsTagSpace(_html[j])) j++;
        return j;
    }

    /// <summary>
    /// Reads a tag's attributes the way the tokenizer does (quotes count only around a value); returns the
    /// index after its '&gt;', or -1 when the markup ends inside the tag.
    /// </summary>
    private int TagEnd(int j, out bool selfClosing)
    {
        selfClosing = false;
        while (true)
        {
            j = SkipSpace(j);
            if (j >= _html.Length) return -1;
            char ch = _html[j];
            if (ch == '>') return j + 1;
            if (ch == '/')
            {
                j++;
                if (j < _html.Length && _html[j] == '>') { selfClosing = true; return j + 1; }
                continue;
            }
            j = AttributeNameEnd(j + 1);
            int eq = SkipSpace(j);
            if (eq < _html.Length && _html[eq] == '=') j = AttributeValueEnd(SkipSpace(eq + 1));
            if (j < 0) return -1;
        }
    }

    private int AttributeValueEnd(int j)
    {
        if (j >= _html.Length) return j;
        char q = _html[j];
        if (q is '"' or '\'') return After(q, j + 1);
        while (j < _html.Length && !IsTagSpace(_html[j]) && _html[j] != '>') j++;
        return j;
    }

    private int StartTag(int lt)
    {
        int nameEnd = NameEnd(lt + 1);
        int id = Id(_html.AsSpan(lt + 1, nameEnd - lt - 1));
        int end = TagEnd(nameEnd, out bool selfClosing);
        if (end < 0) return -1;
        var kind = _kinds[id];
        if (++_elements > _maxElements) return TooMany(lt, end, id, kind);
        bool foreign = InForeign();
        if (foreign && (kind & Kind.Breakout) != 0)
        {
            LeaveForeign();
            foreign = false;
        }
        if (!foreign) return HtmlStartTag(lt, end, id, kind, selfClosing);
        if (!selfClosing) Open(lt, end, id, foreign: true);
        return end;
    }

    private int HtmlStartTag(int lt, int end, int id, Kind kind, bool selfClosing)
    {
        if ((kind & Kind.PlainText) != 0) return -1;
        if ((kind & Kind.RawText) != 0) return RawTextEnd(_html.AsSpan(lt + 1, NameLength(lt + 1)), end);
        if ((kind & (Kind.Void | Kind.OptionalEnd)) != 0) return end;
        if ((kind & Kind.Foreign) != 0 && selfClosing) return end;
        if ((kind & Kind.IgnoredWhenOpen) != 0 && _open[id] > 0) return end;
        if ((kind & Kind.ReopenCloses) != 0 && _open[id] > 0) Close(id);
        Open(lt, end, id, foreign: (kind & Kind.Foreign) != 0);
        return end;
    }

    /// <summary>Blanks a start tag past the element limit (a raw-text element to its end tag); its end tag will be blanked too.</summary>
    private int TooMany(int lt, int end, int id, Kind kind)
    {
        if (_firstTooMany < 0) _firstTooMany = lt;
        if ((kind & Kind.PlainText) != 0)
        {
            _blanked.Add((lt, end));
            return -1;
        }
        if ((kind & Kind.RawText) != 0 && !InForeign())
        {
            int after = RawTextEnd(_html.AsSpan(lt + 1, NameLength(lt + 1)), end);
            _blanked.Add((lt, after < 0 ? _html.Length : after));
            return after;
        }
        _blanked.Add((lt, end));
        if ((kind & Kind.Void) == 0) _phantom[id]++;
        return end;
    }

    private int NameLength(int from) => NameEnd(from) - from;

    /// <summary>Skips the text of a raw-text element (script, style …) to its end tag; returns the index after it.</summary>
    private int RawTextEnd(ReadOnlySpan<char> name, int from)
    {
        int k = from;
        while (true)
        {
            k = _html.IndexOf("</", k, StringComparison.Ordinal);
            if (k < 0) return -1;
            int after = k + 2 + name.Length;
            if (after <= _html.Length && _html.AsSpan(k + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == _html.Length || IsTagSpace(_html[after]) || _html[after] is '/' or '>'))
            {
                return After('>', after);
            }
            k += 2;
        }
    }

    private void Open(int lt, int end, int id, bool foreign)
    {
        if (_stack.Count >= _maxDepth)
        {
            if (_firstTooDeep < 0) _firstTooDeep = lt;
            _phantom[id]++;
            _blanked.Add((lt, end));
            return;
        }
        _stack.Add((id, foreign));
        _open[id]++;
    }

    private int EndTag(int lt)
    {
        int nameEnd = NameEnd(lt + 2);
        int id = Id(_html.AsSpan(lt + 2, nameEnd - lt - 2));
        int end = TagEnd(nameEnd, out _);
        if (end < 0) return -1;
        if (_phantom[id] > 0)
        {
            _phantom[id]--;
            _blanked.Add((lt, end));
        }
        else if (_open[id] > 0)
        {
            Close(id);
        }
        return end;
    }

    /// <summary>Pops open elements up to and including the innermost <paramref name="id"/>.</summary>
    private void Close(int id)
    {
        while (_stack.Count > 0)
        {
            var top = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            _open[top.Id]--;
            if (top.Id == id) return;
        }
    }

    /// <summary>True when the current element is SVG or MathML content, not an integration point that holds HTML.</summary>
    private bool InForeign()
    {
        if (_stack.Count == 0) return false;
        var top = _stack[^1];
        return top.Foreign && (_kinds[top.Id] & Kind.IntegrationPoint) == 0;
    }

    /// <summary>Pops the SVG/MathML elements an HTML element ends.</summary>
    private void LeaveForeign()
    {
        while (InForeign()) Close(_stack[^1].Id);
    }

    /// <summary>The page without the blanked tags, their line breaks kept (the ranges are in order and apart).</summary>
    private string Blank()
    {
        int length = _html.Length;
        foreach (var (start, end) in _blanked) length -= end - start - LineBreaks(_html.AsSpan(start, end - start));
        return string.Create(length, this, static (span, scan) =>
        {
            var html = scan._html.AsSpan();
            int at = 0, to = 0;
            foreach (var (start, end) in scan._blanked)
            {
                html[at..start].CopyTo(span[to..]);
                to += start - at;
                foreach (var c in html[start..end]) if (c is '\n' or '\r') span[to++] = c;
                at = end;
            }
            html[at..].CopyTo(span[to..]);
        });
    }

    private static int LineBreaks(ReadOnlySpan<char> s) => s.Count('\n') + s.Count('\r');
}

/// <summary>The page <see cref="HtmlDepth.Limit"/> returns, and where it blanked the first tag too deep and the first past the element limit (-1 for none).</summary>
internal readonly record struct DepthResult(string Html, int FirstTooDeep, int FirstTooMany);
