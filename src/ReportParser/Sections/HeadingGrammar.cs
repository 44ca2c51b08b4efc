using ReportParser.Text;
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
    /// <summary>White space as publishers use it, including the ideographic space.</summary>
    public static readonly Parser<char> Space = ChineseSyntax.Space;

    /// <summary>一 … 九十九 as an integer.</summary>
    public static readonly Parser<(int Value, string Text)> ChineseNumeral = ChineseSyntax.ChineseNumeral;

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
}
