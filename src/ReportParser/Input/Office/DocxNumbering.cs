using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace ReportParser.Input.Office;

/// <summary>
/// Word and WPS automatic numbering (numbering.xml, with paragraph styles that carry a numPr) rendered
/// as the text a reader sees: <c>一、</c>, <c>（一）</c>, <c>1.</c>, <c>①</c>. Many headings carry their
/// number only here, and the section grammar needs it. Counters are kept per abstract list (as Word
/// does: list instances of one abstractNum continue each other), a level restarts when a higher level
/// is used (or as its <c>lvlRestart</c> says), and a <c>startOverride</c> restarts a level the first time
/// its list instance is used. Bullets render as nothing.
/// </summary>
internal sealed class DocxNumbering
{
    private sealed record Level(int Start, string Format, string Text, int? Restart, bool IsLegal, string Suffix, string? Style);

    private sealed class State
    {
        public readonly int[] Counters = new int[9];
        public readonly bool[] Started = new bool[9];
    }

    private sealed record Num(string AbstractId, Dictionary<int, Level> Overrides, Dictionary<int, int> StartOverrides);

    private readonly Dictionary<string, Level[]> _abstracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _abstractStyleLinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Num> _nums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? NumId, int? Ilvl, string? BasedOn)> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNums = new(StringComparer.Ordinal);
    private string? _defaultStyle;

    public DocxNumbering(XElement? numbering, XElement? styles)
    {
        if (numbering is { } root)
        {
            foreach (var a in root.Elements().Where(e => e.Name.LocalName == "abstractNum")) ReadAbstract(a);
            foreach (var n in root.Elements().Where(e => e.Name.LocalName == "num")) ReadNum(n);
        }
        if (styles is { } sroot)
        {
            foreach (var s in sroot.Elements().Where(e => e.Name.LocalName == "style")) ReadStyle(s);
        }
    }

    private void ReadAbstract(XElement a)
    {
        var id = Docx.Attr(a, "abstractNumId");
        if (id is null) return;
        var levels = new Level[9];
        foreach (var lvl in a.Elements().Where(e => e.Name.LocalName == "lvl"))
        {
            if (Docx.IntAttr(lvl, "ilvl") is int i && i is >= 0 and < 9) levels[i] = ReadLevel(lvl);
        }
        _abstracts[id] = levels;
        if (Docx.Child(a, "numStyleLink") is { } link && Docx.Attr(link, "val") is { } l) _abstractStyleLinks[id] = l;
    }

    private void ReadNum(XElement n)
    {
        var id = Docx.Attr(n, "numId");
        var abs = Docx.Child(n, "abstractNumId") is { } an ? Docx.Attr(an, "val") : null;
        if (id is null || abs is null) return;
        var overrides = new Dictionary<int, Level>();
        var starts = new Dictionary<int, int>();
        foreach (var o in n.Elements().Where(e => e.Name.LocalName == "lvlOverride"))
        {
            if (Docx.IntAttr(o, "ilvl") is not int i || i is < 0 or >= 9) continue;
            if (Docx.Child(o, "startOverride") is { } so && Docx.IntAttr(so, "val") is int s) starts[i] = s;
            if (Docx.Child(o, "lvl") is { } lvl) overrides[i] = ReadLevel(lvl);
        }
        _nums[id] = new Num(abs, overrides, starts);
    }

    private void ReadStyle(XElement s)
    {
        if (Docx.Attr(s, "type") is { } t && t != "paragraph") return;
        var id = Docx.Attr(s, "styleId");
        if (id is null) return;
        var (numId, ilvl) = ReadNumPr(s);
        var basedOn = Docx.Child(s, "basedOn") is { } b ? Docx.Attr(b, "val") : null;
        _styles[id] = (numId, ilvl, basedOn);
        if (Docx.Attr(s, "default") is "1" or "true" or "on") _defaultStyle ??= id;
    }

    /// <summary>The numId and ilvl of the numPr in a style's pPr.</summary>
    private static (string? NumId, int? Ilvl) ReadNumPr(XElement s)
        => Docx.Child(s, "pPr") is { } ppr ? NumPrOf(ppr) : (null, null);

    /// <summary>The numId and ilvl of a pPr's numPr, null where absent.</summary>
    private static (string? NumId, int? Ilvl) NumPrOf(XElement? pPr)
    {
        if (pPr is null || Docx.Child(pPr, "numPr") is not { } numPr) return (null, null);
        var numId = Docx.Child(numPr, "numId") is { } ni ? Docx.Attr(ni, "val") : null;
        int? ilvl = Docx.Child(numPr, "ilvl") is { } il ? Docx.IntAttr(il, "val") : null;
        return (numId, ilvl);
    }

    /// <summary>A copy of the counters, to read a stretch of the document twice.</summary>
    public object Snapshot()
        => (_states.ToDictionary(kv => kv.Key, kv => (kv.Value.Counters.ToArray(), kv.Value.Started.ToArray()), StringComparer.Ordinal), _usedNums.ToList());

    /// <summary>Puts back counters taken by <see cref="Snapshot"/>.</summary>
    public void Restore(object snapshot)
    {
        var (states, used) = ((Dictionary<string, (int[], bool[])>, List<string>))snapshot;
        _states.Clear();
        foreach (var (k, (c, st)) in states)
        {
            var s = new State();
            c.CopyTo(s.Counters, 0);
            st.CopyTo(s.Started, 0);
            _states[k] = s;
        }
        _usedNums.Clear();
        _usedNums.UnionWith(used);
    }

    /// <summary>True when the document defines any numbering.</summary>
    public bool IsEmpty => _nums.Count == 0;

    /// <summary>
    /// The number text a paragraph shows (its own numPr, else its style's), advancing the counters; an
    /// empty string when the paragraph is not numbered or is a bullet.
    /// </summary>
    public string Next(XElement? pPr)
    {
        if (IsEmpty || !TryResolve(pPr, out var numId, out var num, out var levels, out int level)) return "";
        var abstractId = num.AbstractId;
        if (!_states.TryGetValue(abstractId, out var state)) _states[abstractId] = state = new State();
        if (_usedNums.Add(numId)) ApplyStartOverrides(num, state);
        var def0 = Def(num, levels, level);
        if (def0 is null) return "";
        Advance(num, levels, state, level);
        if (def0.Format == "bullet") return "";
        var shown = Render(num, levels, state, def0, level);
        if (shown.Length > 0 && def0.Suffix != "nothing" && !"、.．）)：:，,".Contains(shown[^1], StringComparison.Ordinal)) shown += " ";
        return shown;
    }

    /// <summary>The list instance, its abstract levels and the level a paragraph is numbered with (its own numPr, else its style's); false when it is not numbered.</summary>
    private bool TryResolve(XElement? pPr, out string numId, out Num num, out Level[] levels, out int level)
    {
        numId = "";
        num = null!;
        levels = null!;
        level = 0;
        string? style = pPr is not null && Docx.Child(pPr, "pStyle") is { } ps ? Docx.Attr(ps, "val") : _defaultStyle;
        var (id, ilvl) = NumPrOf(pPr);
        if (id is null && style is not null) (id, ilvl) = StyleNumPr(style, ilvl);
        if (id is null || id == "0" || !_nums.TryGetValue(id, out num!)) return false;
        if (!_abstracts.TryGetValue(num.AbstractId, out levels!)) return false;
        // A level may be tied to the style rather than given by ilvl.
        if (ilvl is null && style is not null) ilvl = StyleLevel(levels, style);
        numId = id;
        level = Math.Clamp(ilvl ?? 0, 0, 8);
        return true;
    }

    /// <summary>The numbering a paragraph style gives through its basedOn chain, bounded against cycles.</summary>
    private (string? NumId, int? Ilvl) StyleNumPr(string style, int? ilvl)
    {
        var s = style;
        for (int hop = 0; hop < 16 && s is not null && _styles.TryGetValue(s, out var def); hop++)
        {
            if (def.NumId is not null) return (def.NumId, ilvl ?? def.Ilvl);
            s = def.BasedOn;
        }
        return (null, ilvl);
    }

    /// <summary>The level tied to a paragraph style by its pStyle, or null.</summary>
    private static int? StyleLevel(Level[] levels, string style)
    {
        for (int i = 0; i < 9; i++) if (levels[i]?.Style == style) return i;
        return null;
    }

    private static void ApplyStartOverrides(Num num, State state)
    {
        foreach (var (l, start) in num.StartOverrides)
        {
            state.Counters[l] = start;
            state.Started[l] = false;
        }
    }

    private static Level? Def(Num num, Level[] levels, int i) => num.Overrides.TryGetValue(i, out var o) ? o : levels[i];

    private static int StartOf(Num num, Level[] levels, int i) => num.StartOverrides.TryGetValue(i, out var s) ? s : Def(num, levels, i)?.Start ?? 1;

    /// <summary>Counts one more at <paramref name="level"/> and marks the levels it restarts.</summary>
    private static void Advance(Num num, Level[] levels, State state, int level)
    {
        if (!state.Started[level])
        {
            state.Counters[level] = StartOf(num, levels, level);
            state.Started[level] = true;
        }
        else state.Counters[level]++;
        for (int l = level + 1; l < 9; l++)
        {
            var d = Def(num, levels, l);
            int restart = d?.Restart ?? l; // restart when a level above this index is used
            if (level < restart) state.Started[l] = false;
        }
    }

    /// <summary>The level's lvlText with each <c>%n</c> replaced by that level's counter in its format.</summary>
    private static string Render(Num num, Level[] levels, State state, Level def0, int level)
    {
        var sb = new StringBuilder();
        var text = def0.Text;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                int k = text[i + 1] - '1';
                var dk = Def(num, levels, k);
                int value = state.Started[k] ? state.Counters[k] : StartOf(num, levels, k);
                var fmt = def0.IsLegal && k < level ? "decimal" : dk?.Format ?? "decimal";
                sb.Append(FormatNumber(value, fmt));
                i++;
                continue;
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private static Level ReadLevel(XElement lvl)
    {
        int start = Docx.Child(lvl, "start") is { } s && Docx.IntAttr(s, "val") is int v ? v : 1;
        string format = LevelFormat(lvl);
        var text = Docx.Child(lvl, "lvlText") is { } lt ? Docx.Attr(lt, "val") ?? "" : "%" + ((Docx.IntAttr(lvl, "ilvl") ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + ".";
        int? restart = Docx.Child(lvl, "lvlRestart") is { } lr ? Docx.IntAttr(lr, "val") : null;
        bool legal = Docx.Child(lvl, "isLgl") is { } lg && Docx.Attr(lg, "val") is null or "1" or "true" or "on";
        var suffix = Docx.Child(lvl, "suff") is { } su ? Docx.Attr(su, "val") ?? "tab" : "tab";
        var style = Docx.Child(lvl, "pStyle") is { } ps ? Docx.Attr(ps, "val") : null;
        return new Level(start, format, text, restart, legal, suffix, style);
    }

    /// <summary>The level's number format: its numFmt, else the one in an AlternateContent, else decimal.</summary>
    private static string LevelFormat(XElement lvl)
    {
        if (Docx.Child(lvl, "numFmt") is { } nf) return FormatOf(nf);
        if (Docx.Child(lvl, "AlternateContent") is not { } ac) return "decimal";
        // Word 2010+: <mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/> with a Fallback.
        var choice = ac.Elements().FirstOrDefault(e => e.Name.LocalName == "Choice");
        var fallback = ac.Elements().FirstOrDefault(e => e.Name.LocalName == "Fallback");
        if (choice is not null && Docx.Child(choice, "numFmt") is { } cf) return FormatOf(cf);
        if (fallback is not null && Docx.Child(fallback, "numFmt") is { } ff) return FormatOf(ff);
        return "decimal";
    }

    private static string FormatOf(XElement numFmt)
    {
        var val = Docx.Attr(numFmt, "val") ?? "decimal";
        if (val != "custom") return val;
        var custom = Docx.Attr(numFmt, "format") ?? "";
        if (custom.Length == 0) return "decimal";
        return custom[0] switch
        {
            '一' => "chineseCountingThousand",
            '壹' => "chineseLegalSimplified",
            '①' => "decimalEnclosedCircle",
            '甲' => "ideographTraditional",
            '0' => "decimalZero",
            _ => "decimal",
        };
    }

    private static readonly string ChineseDigits = "〇一二三四五六七八九";

    /// <summary>Number formats that render as another one.</summary>
    private static readonly Dictionary<string, string> FormatAliases = new(StringComparer.Ordinal)
    {
        ["decimalEnclosedCircleChinese"] = "decimalEnclosedCircle",
        ["decimalFullWidth2"] = "decimalFullWidth",
        ["chineseCountingThousand"] = "chineseCounting",
        ["japaneseCounting"] = "chineseCounting",
        ["taiwaneseCounting"] = "chineseCounting",
        ["taiwaneseCountingThousand"] = "chineseCounting",
        ["koreanCounting"] = "chineseCounting",
        ["japaneseLegal"] = "ideographLegalTraditional",
        ["japaneseDigitalTenThousand"] = "ideographDigital",
        ["taiwaneseDigital"] = "ideographDigital",
    };

    /// <summary>Formats a counter value in a WordprocessingML number format (ST_NumberFormat).</summary>
    public static string FormatNumber(int n, string format)
    {
        var canonical = FormatAliases.TryGetValue(format, out var alias) ? alias : format;
        return FormatDecimal(n, canonical) ?? FormatIdeograph(n, canonical) ?? FormatLatin(n, canonical) ?? n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The decimal formats (plain, zero-padded, enclosed, full width), or null for other formats.</summary>
    private static string? FormatDecimal(int n, string format)
    {
        switch (format)
        {
            case "none":
                return "";
            case "decimalZero":
                return n is >= 0 and < 10 ? "0" + n.ToString(CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture);
            case "decimalEnclosedCircle":
                return n is >= 1 and <= 20 ? ((char)(0x2460 + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture);
            case "decimalEnclosedFullstop":
                return n is >= 1 and <= 20 ? ((char)(0x2488 + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture) + ".";
            case "decimalEnclosedParen":
                return n is >= 1 and <= 20 ? ((char)(0x2474 + n - 1)).ToString() : "(" + n.ToString(CultureInfo.InvariantCulture) + ")";
            case "decimalFullWidth":
                return string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')));
            default:
                return null;
        }
    }

    /// <summary>The CJK formats (counting, legal, digital, heavenly stems, earthly branches), or null for other formats.</summary>
    private static string? FormatIdeograph(int n, string format)
    {
        switch (format)
        {
            case "chineseCounting":
                return ChineseCounting(n, "〇一二三四五六七八九", "十百千万");
            case "chineseLegalSimplified":
                return ChineseCounting(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟万");
            case "ideographLegalTraditional":
                return ChineseCounting(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟萬");
            case "ideographDigital":
                return string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => char.IsAsciiDigit(c) ? ChineseDigits[c - '0'] : c));
            case "ideographTraditional":
                return n is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);
            case "ideographZodiac":
                return n is >= 1 and <= 12 ? "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    /// <summary>Roman numerals and letters, or null for other formats.</summary>
    private static string? FormatLatin(int n, string format)
    {
        switch (format)
        {
            case "upperRoman":
                return Roman(n);
            case "lowerRoman":
                return Roman(n).ToLowerInvariant();
            case "upperLetter":
                return Letter(n);
            case "lowerLetter":
                return Letter(n).ToLowerInvariant();
            default:
                return null;
        }
    }

    /// <summary>一 … 十, 十一, 二十, 一百零五 … as written in running text.</summary>
    private static string ChineseCounting(int n, string digits, string units)
    {
        if (n <= 0 || n >= 100_000) return n.ToString(CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        var sb = new StringBuilder();
        int[] powers = { 10_000, 1000, 100, 10 };
        bool zero = false;
        int rest = n;
        for (int p = 0; p < powers.Length; p++)
        {
            int d = rest / powers[p];
            rest %= powers[p];
            if (d == 0)
            {
                if (sb.Length > 0) zero = true;
                continue;
            }
            if (zero) { sb.Append(digits[0]); zero = false; }
            if (!(d == 1 && powers[p] == 10 && sb.Length == 0)) sb.Append(digits[d]);
            sb.Append(units[3 - p]);
        }
        if (rest > 0)
        {
            if (zero) sb.Append(digits[0]);
            sb.Append(digits[rest]);
        }
        return sb.ToString();
    }

    private static string Roman(int n)
    {
        if (n is <= 0 or >= 4000) return n.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        (int V, string S)[] map = { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        foreach (var (v, s) in map) while (n >= v) { sb.Append(s); n -= v; }
        return sb.ToString();
    }

    private static string Letter(int n)
    {
        if (n <= 0) return n.ToString(CultureInfo.InvariantCulture);
        // Word repeats the letter: A … Z, AA … ZZ, AAA …
        char c = (char)('A' + ((n - 1) % 26));
        return new string(c, Math.Min(((n - 1) / 26) + 1, 10));
    }
}
