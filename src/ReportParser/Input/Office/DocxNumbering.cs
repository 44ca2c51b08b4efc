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

    public DocxNumbering(XDocument? numbering, XDocument? styles)
    {
        if (numbering?.Root is { } root)
        {
            foreach (var a in root.Elements().Where(e => e.Name.LocalName == "abstractNum"))
            {
                var id = Docx.Attr(a, "abstractNumId");
                if (id is null) continue;
                var levels = new Level[9];
                foreach (var lvl in a.Elements().Where(e => e.Name.LocalName == "lvl"))
                {
                    if (Docx.IntAttr(lvl, "ilvl") is int i && i is >= 0 and < 9) levels[i] = ReadLevel(lvl);
                }
                _abstracts[id] = levels;
                if (Docx.Child(a, "numStyleLink") is { } link && Docx.Attr(link, "val") is { } l) _abstractStyleLinks[id] = l;
            }
            foreach (var n in root.Elements().Where(e => e.Name.LocalName == "num"))
            {
                var id = Docx.Attr(n, "numId");
                var abs = Docx.Child(n, "abstractNumId") is { } an ? Docx.Attr(an, "val") : null;
                if (id is null || abs is null) continue;
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
        }
        if (styles?.Root is { } sroot)
        {
            foreach (var s in sroot.Elements().Where(e => e.Name.LocalName == "style"))
            {
                if (Docx.Attr(s, "type") is { } t && t != "paragraph") continue;
                var id = Docx.Attr(s, "styleId");
                if (id is null) continue;
                string? numId = null;
                int? ilvl = null;
                if (Docx.Child(s, "pPr") is { } ppr && Docx.Child(ppr, "numPr") is { } numPr)
                {
                    numId = Docx.Child(numPr, "numId") is { } ni ? Docx.Attr(ni, "val") : null;
                    ilvl = Docx.Child(numPr, "ilvl") is { } il ? Docx.IntAttr(il, "val") : null;
                }
                var basedOn = Docx.Child(s, "basedOn") is { } b ? Docx.Attr(b, "val") : null;
                _styles[id] = (numId, ilvl, basedOn);
                if (Docx.Attr(s, "default") is "1" or "true" or "on") _defaultStyle ??= id;
            }
        }
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
        if (IsEmpty) return "";
        string? numId = null;
        int? ilvl = null;
        string? style = pPr is not null && Docx.Child(pPr, "pStyle") is { } ps ? Docx.Attr(ps, "val") : _defaultStyle;
        if (pPr is not null && Docx.Child(pPr, "numPr") is { } numPr)
        {
            numId = Docx.Child(numPr, "numId") is { } ni ? Docx.Attr(ni, "val") : null;
            ilvl = Docx.Child(numPr, "ilvl") is { } il ? Docx.IntAttr(il, "val") : null;
        }
        if (numId is null && style is not null)
        {
            // The style chain (basedOn), bounded against cycles.
            var s = style;
            for (int hop = 0; hop < 16 && s is not null && _styles.TryGetValue(s, out var def); hop++)
            {
                if (def.NumId is not null)
                {
                    numId = def.NumId;
                    ilvl ??= def.Ilvl;
                    break;
                }
                s = def.BasedOn;
            }
        }
        if (numId is null || numId == "0" || !_nums.TryGetValue(numId, out var num)) return "";
        var abstractId = num.AbstractId;
        if (!_abstracts.TryGetValue(abstractId, out var levels)) return "";
        // A level may be tied to the style rather than given by ilvl.
        if (ilvl is null && style is not null)
        {
            for (int i = 0; i < 9; i++) if (levels[i]?.Style == style) { ilvl = i; break; }
        }
        int level = Math.Clamp(ilvl ?? 0, 0, 8);
        if (!_states.TryGetValue(abstractId, out var state)) _states[abstractId] = state = new State();
        if (_usedNums.Add(numId))
        {
            foreach (var (l, start) in num.StartOverrides)
            {
                state.Counters[l] = start;
                state.Started[l] = false;
            }
        }
        Level? Def(int i) => num.Overrides.TryGetValue(i, out var o) ? o : levels[i];
        var def0 = Def(level);
        if (def0 is null) return "";
        int StartOf(int i) => num.StartOverrides.TryGetValue(i, out var s) ? s : Def(i)?.Start ?? 1;
        if (!state.Started[level])
        {
            state.Counters[level] = StartOf(level);
            state.Started[level] = true;
        }
        else state.Counters[level]++;
        for (int l = level + 1; l < 9; l++)
        {
            var d = Def(l);
            int restart = d?.Restart ?? l; // restart when a level above this index is used
            if (level < restart) state.Started[l] = false;
        }
        if (def0.Format == "bullet") return "";
        var sb = new StringBuilder();
        var text = def0.Text;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                int k = text[i + 1] - '1';
                var dk = Def(k);
                int value = state.Started[k] ? state.Counters[k] : StartOf(k);
                var fmt = def0.IsLegal && k < level ? "decimal" : dk?.Format ?? "decimal";
                sb.Append(FormatNumber(value, fmt));
                i++;
                continue;
            }
            sb.Append(text[i]);
        }
        var shown = sb.ToString();
        if (shown.Length > 0 && def0.Suffix != "nothing" && !"、.．）)：:，,".Contains(shown[^1], StringComparison.Ordinal)) shown += " ";
        return shown;
    }

    private static Level ReadLevel(XElement lvl)
    {
        int start = Docx.Child(lvl, "start") is { } s && Docx.IntAttr(s, "val") is int v ? v : 1;
        string format = "decimal";
        if (Docx.Child(lvl, "numFmt") is { } nf) format = FormatOf(nf);
        else if (Docx.Child(lvl, "AlternateContent") is { } ac)
        {
            // Word 2010+: <mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/> with a Fallback.
            var choice = ac.Elements().FirstOrDefault(e => e.Name.LocalName == "Choice");
            var fallback = ac.Elements().FirstOrDefault(e => e.Name.LocalName == "Fallback");
            if (choice is not null && Docx.Child(choice, "numFmt") is { } cf) format = FormatOf(cf);
            else if (fallback is not null && Docx.Child(fallback, "numFmt") is { } ff) format = FormatOf(ff);
        }
        var text = Docx.Child(lvl, "lvlText") is { } lt ? Docx.Attr(lt, "val") ?? "" : "%" + ((Docx.IntAttr(lvl, "ilvl") ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + ".";
        int? restart = Docx.Child(lvl, "lvlRestart") is { } lr ? Docx.IntAttr(lr, "val") : null;
        bool legal = Docx.Child(lvl, "isLgl") is { } lg && Docx.Attr(lg, "val") is null or "1" or "true" or "on";
        var suffix = Docx.Child(lvl, "suff") is { } su ? Docx.Attr(su, "val") ?? "tab" : "tab";
        var style = Docx.Child(lvl, "pStyle") is { } ps ? Docx.Attr(ps, "val") : null;
        return new Level(start, format, text, restart, legal, suffix, style);
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

    /// <summary>Formats a counter value in a WordprocessingML number format (ST_NumberFormat).</summary>
    public static string FormatNumber(int n, string format)
    {
        switch (format)
        {
            case "none":
                return "";
            case "decimalZero":
                return n is >= 0 and < 10 ? "0" + n.ToString(CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture);
            case "decimalEnclosedCircle" or "decimalEnclosedCircleChinese":
                return n is >= 1 and <= 20 ? ((char)(0x2460 + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture);
            case "decimalEnclosedFullstop":
                return n is >= 1 and <= 20 ? ((char)(0x2488 + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture) + ".";
            case "decimalEnclosedParen":
                return n is >= 1 and <= 20 ? ((char)(0x2474 + n - 1)).ToString() : "(" + n.ToString(CultureInfo.InvariantCulture) + ")";
            case "decimalFullWidth" or "decimalFullWidth2":
                return string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')));
            case "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "taiwaneseCounting" or "taiwaneseCountingThousand" or "koreanCounting":
                return ChineseCounting(n, "〇一二三四五六七八九", "十百千万");
            case "chineseLegalSimplified":
                return ChineseCounting(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟万");
            case "ideographLegalTraditional" or "japaneseLegal":
                return ChineseCounting(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟萬");
            case "ideographDigital" or "japaneseDigitalTenThousand" or "taiwaneseDigital":
                return string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => char.IsAsciiDigit(c) ? ChineseDigits[c - '0'] : c));
            case "ideographTraditional":
                return n is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);
            case "ideographZodiac":
                return n is >= 1 and <= 12 ? "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);
            case "upperRoman":
                return Roman(n);
            case "lowerRoman":
                return Roman(n).ToLowerInvariant();
            case "upperLetter":
                return Letter(n);
            case "lowerLetter":
                return Letter(n).ToLowerInvariant();
            default:
                return n.ToString(CultureInfo.InvariantCulture);
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
