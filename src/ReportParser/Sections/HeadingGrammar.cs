using Sprache;

namespace ReportParser.Sections;

/// <summary>A numbered heading line: its number and its title text.</summary>
internal sealed record HeadingLine(int Number, string NumeralText, string Separator, string Title);

/// <summary>
/// Sprache grammar for the top-level headings of a report: a Chinese numeral (一 … 十二), a separator
/// (、 . ． ， , ： or spaces), then the title. Bracketed enumerators such as （一） are sub-headings and are
/// not matched here. Run per candidate line with <see cref="TryParse"/>.
/// </summary>
internal static class HeadingGrammar
{
    private const string Digits = "一二三四五六七八九十";

    /// <summary>White space as publishers use it, including the ideographic space.</summary>
    public static readonly Parser<char> Space = Parse.Char(c => c is ' ' or '\u3000' or '\u00A0' or '\t', "space");

    /// <summary>一 … 九十九 as an integer.</summary>
    public static readonly Parser<(int Value, string Text)> ChineseNumeral =
        Parse.Chars(Digits).AtLeastOnce().Text()
            .Where(t => t.Length <= 3 && ToInt(t) > 0)
            .Select(t => (ToInt(t), t))
            .Named("Chinese numeral");

    /// <summary>The separator after the numeral: 、 . ． ， , ： : or white space.</summary>
    public static readonly Parser<string> Separator =
        Space.Many().Then(_ => Parse.Chars("、.．，,：:").Once().Text())
            .Or(Space.AtLeastOnce().Return(" "))
            .Named("separator");

    /// <summary>The whole heading line.</summary>
    public static readonly Parser<HeadingLine> Heading =
        from lead in Space.Many()
        from num in ChineseNumeral
        from sep in Separator
        from sp in Space.Many()
        from title in Parse.AnyChar.AtLeastOnce().Text()
        select new HeadingLine(num.Value, num.Text, sep, title.Trim());

    /// <summary>Parses a line as a heading; false when it is not one.</summary>
    public static bool TryParse(string line, out HeadingLine? heading)
    {
        heading = null;
        if (line.Length == 0 || line.Length > 80) return false;
        var r = Heading.TryParse(line);
        if (!r.WasSuccessful) return false;
        heading = r.Value;
        return true;
    }

    /// <summary>Converts 一 … 九十九 to an integer; 0 when malformed.</summary>
    public static int ToInt(string t)
    {
        int Digit(char c) => c == '十' ? 10 : Digits.IndexOf(c, StringComparison.Ordinal) + 1;
        switch (t.Length)
        {
            case 1: return Digit(t[0]);
            case 2 when t[0] == '十': return t[1] == '十' ? 0 : 10 + Digit(t[1]);
            case 2 when t[1] == '十': return t[0] == '十' ? 0 : Digit(t[0]) * 10;
            case 3 when t[1] == '十' && t[0] != '十' && t[2] != '十': return Digit(t[0]) * 10 + Digit(t[2]);
            default: return 0;
        }
    }
}
