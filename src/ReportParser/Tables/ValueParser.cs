using System.Globalization;
using System.Text;
using ReportParser.Input;
using ReportParser.Text;

namespace ReportParser.Tables;

/// <summary>What a cell's text turned out to be.</summary>
internal enum ParsedKind
{
    /// <summary>No text: not stated.</summary>
    Empty,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A placeholder (—, -, /, 无 …): not stated.</summary>
    Placeholder,

    /// <summary>Text that is not a number.</summary>
    Invalid,
}

/// <summary>A parsed cell value.</summary>
internal readonly record struct ParsedValue(ParsedKind Kind, decimal Value, bool Normalized)
{
    public bool IsNumber => Kind == ParsedKind.Number;

    public decimal? AsNullable => Kind == ParsedKind.Number ? Value : null;
}

/// <summary>
/// Reads numbers as publishers print them: half- and full-width digits, thousands separators, a sign,
/// decimals and a trailing unit (元, 万元, 件, 条, 个, 项, 笔). Placeholders (—, -, /, 无) and blanks are not
/// stated. Invariant culture throughout.
/// </summary>
internal static class ValueParser
{
    private static readonly string[] Units = { "万元", "元", "件", "条", "个", "项", "笔", "次", "宗" };
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "-", "--", "---", "—", "——", "–", "─", "－", "/", "//", "\\", "无", "空", "/无", "×", "x", "X", "*", "…", "……", "N/A", "n/a", "NA", "不适用",
    };

    public static ParsedValue Parse(string? text)
    {
        if (text is null) return new ParsedValue(ParsedKind.Empty, 0, false);
        var t = TextUtil.Trim(text.AsSpan());
        if (t.Length == 0) return new ParsedValue(ParsedKind.Empty, 0, false);

        // Fast path: plain ASCII digits.
        if (t.Length <= 18 && IsAsciiDigits(t))
        {
            return new ParsedValue(ParsedKind.Number, decimal.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture), false);
        }

        var compact = TextUtil.Compact(t.ToString());
        if (Placeholders.Contains(compact)) return new ParsedValue(ParsedKind.Placeholder, 0, false);
        if (!SpacesGroupThousands(t)) return new ParsedValue(ParsedKind.Invalid, 0, false);

        bool normalized = compact.Length != t.Length || !compact.AsSpan().SequenceEqual(t);
        var s = WithoutUnit(compact, ref normalized);
        if (!TryCanonicalDigits(s, ref normalized, out var n)) return new ParsedValue(ParsedKind.Invalid, 0, false);
        return ParseCanonical(n, normalized);
    }

    /// <summary>The text without a trailing unit (元, 万元, 件 …); stripping one counts as normalising.</summary>
    private static string WithoutUnit(string s, ref bool normalized)
    {
        foreach (var u in Units)
        {
            if (s.Length > u.Length && s.EndsWith(u, StringComparison.Ordinal))
            {
                normalized = true;
                return s[..^u.Length];
            }
        }
        return s;
    }

    /// <summary>
    /// Rewrites full-width and typographic signs and decimal points as ASCII and drops thousands separators;
    /// false when a separator stands anywhere else.
    /// </summary>
    private static bool TryCanonicalDigits(string s, ref bool normalized, out string n)
    {
        n = "";
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '−' or '－' or '–' or '—') c = '-';
            if (c is '，' or ',' or '\'' or '’')
            {
                if (!IsThousandsSeparator(s, i)) return false;
                normalized = true;
                continue;
            }
            if (c == '。' || c == '．') c = '.';
            sb.Append(c);
        }
        n = sb.ToString();
        return true;
    }

    /// <summary>
    /// False when spaces stand between figures other than as a thousands separator: one narrow space with exactly
    /// three digits after it (<c>1 000</c>, <c>12 345</c>). Figures apart by several spaces, an ideographic space
    /// or a shorter group (<c>262  247</c>, <c>12　3</c>, <c>71 10</c>) are separate cells that lost their
    /// delimiter, never one number.
    /// </summary>
    private static bool SpacesGroupThousands(ReadOnlySpan<char> t)
    {
        for (int i = 1; i < t.Length; i++)
        {
            if (!TextUtil.IsSpace(t[i]) || !char.IsAsciiDigit(TextUtil.Narrow(t[i - 1]))) continue;
            int j = i;
            while (j < t.Length && TextUtil.IsSpace(t[j])) j++;
            if (j == t.Length || !char.IsAsciiDigit(TextUtil.Narrow(t[j]))) continue;
            if (j - i != 1 || t[i] is not (' ' or '\u00A0' or '\u2009')) return false;
            int digits = 0;
            while (j + digits < t.Length && char.IsAsciiDigit(TextUtil.Narrow(t[j + digits]))) digits++;
            if (digits != 3) return false;
        }
        return true;
    }

    /// <summary>A thousands separator sits between digits with exactly three digits after it.</summary>
    private static bool IsThousandsSeparator(string s, int i)
        => i > 0 && char.IsAsciiDigit(s[i - 1]) && i + 3 < s.Length
            && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3])
            && (i + 4 >= s.Length || !char.IsAsciiDigit(s[i + 4]));

    /// <summary>Parses the canonical ASCII form: an optional sign, digits and at most one decimal point.</summary>
    private static ParsedValue ParseCanonical(string n, bool normalized)
    {
        if (n.Length == 0 || n.Length > 30) return new ParsedValue(ParsedKind.Invalid, 0, false);
        if (!IsNumberSyntax(n)) return new ParsedValue(ParsedKind.Invalid, 0, false);
        if (!decimal.TryParse(n, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
        {
            return new ParsedValue(ParsedKind.Invalid, 0, false);
        }
        return new ParsedValue(ParsedKind.Number, v, normalized);
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> t)
    {
        foreach (var c in t) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsNumberSyntax(string n)
    {
        int i = 0;
        if (n[0] is '+' or '-') i = 1;
        int digits = 0, dots = 0;
        for (; i < n.Length; i++)
        {
            if (char.IsAsciiDigit(n[i])) digits++;
            else if (n[i] == '.' && dots == 0) dots++;
            else return false;
        }
        return digits > 0 && n[^1] != '.';
    }

    /// <summary>Digits apart by spaces only (<c>262  247</c>): cells whose delimiter was lost, still values rather than a label.</summary>
    private static bool IsSpacedFigures(string text)
    {
        var compact = TextUtil.Compact(text);
        return compact.Length > 0 && IsAsciiDigits(compact);
    }

    /// <summary>True when the text reads as a number or a placeholder (a value cell rather than a label).</summary>
    public static bool IsValueLike(string text)
    {
        var k = Parse(text).Kind;
        return k is ParsedKind.Number or ParsedKind.Placeholder or ParsedKind.Empty || k == ParsedKind.Invalid && IsSpacedFigures(text);
    }
}
