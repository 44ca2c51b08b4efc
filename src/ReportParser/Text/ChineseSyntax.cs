using Sprache;

namespace ReportParser.Text;

/// <summary>A Chinese or Arabic enumerator as printed before a heading or a row label: 一、 （三） 2.</summary>
/// <param name="Number">Its value (一 = 1, （三） = 3, 2. = 2).</param>
/// <param name="Text">The enumerator as printed, separator included.</param>
/// <param name="Bracketed">True for （三） and (3).</param>
internal readonly record struct Enumerator(int Number, string Text, bool Bracketed);

/// <summary>
/// The one grammar of the small Chinese syntax every stage reads (Sprache): numerals 一 … 九十九,
/// enumerators 一、 （一） 1. and report years 2023年. Section headings, table row labels and the
/// fused-text recogniser all use these rules instead of their own regexes.
/// </summary>
internal static class ChineseSyntax
{
    private const string Digits = "一二三四五六七八九十";

    /// <summary>The ten characters of Chinese numerals 一 … 十.</summary>
    public const string NumeralChars = Digits;

    /// <summary>White space as publishers use it, including the ideographic space.</summary>
    public static readonly Parser<char> Space = Parse.Char(c => c is ' ' or '\u3000' or '\u00A0' or '\t', "space");

    /// <summary>一 … 九十九 as an integer.</summary>
    public static readonly Parser<(int Value, string Text)> ChineseNumeral =
        Parse.Chars(Digits).AtLeastOnce().Text()
            .Where(t => t.Length <= 3 && ToInt(t) > 0)
            .Select(t => (ToInt(t), t))
            .Named("Chinese numeral");

    /// <summary>One or two ASCII or full-width digits as an integer.</summary>
    public static readonly Parser<int> ArabicNumber =
        Parse.Char(c => TextUtil.Narrow(c) is >= '0' and <= '9', "digit").Repeat(1, 2).Text()
            .Select(t => int.Parse(string.Concat(t.Select(TextUtil.Narrow)), System.Globalization.CultureInfo.InvariantCulture))
            .Named("number");

    private static readonly Parser<char> Open = Parse.Chars("(（");
    private static readonly Parser<char> Close = Parse.Chars(")）");

    /// <summary>（一） or (1): a bracketed enumerator.</summary>
    public static readonly Parser<Enumerator> BracketedEnumerator =
        from open in Open
        from n in ChineseNumeral.Or(ArabicNumber.Select(v => (v, v.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        from close in Close
        select new Enumerator(n.Item1, $"{open}{n.Item2}{close}", true);

    /// <summary>一、 or 2. or 3、: an enumerator followed by its separator.</summary>
    public static readonly Parser<Enumerator> PlainEnumerator =
        from n in ChineseNumeral.Or(ArabicNumber.Select(v => (v, v.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        from sep in Space.Many().Then(_ => Parse.Chars("、.．"))
        select new Enumerator(n.Item1, $"{n.Item2}{sep}", false);

    /// <summary>Any enumerator: bracketed or plain.</summary>
    public static readonly Parser<Enumerator> AnyEnumerator = BracketedEnumerator.Or(PlainEnumerator);

    /// <summary>A four-digit year followed by 年: 2023年.</summary>
    public static readonly Parser<int> Year =
        from digits in Parse.Char(c => c is >= '0' and <= '9', "digit").Repeat(4).Text()
        from space in Space.Many()
        from nian in Parse.Char('年')
        select int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Converts 一 … 九十九 to an integer; 0 when malformed.</summary>
    public static int ToInt(string t)
    {
        static int Digit(char c) => c == '十' ? 10 : Digits.IndexOf(c, StringComparison.Ordinal) + 1;
        switch (t.Length)
        {
            case 1: return Digit(t[0]);
            case 2 when t[0] == '十': return t[1] == '十' ? 0 : 10 + Digit(t[1]);
            case 2 when t[1] == '十': return t[0] == '十' ? 0 : Digit(t[0]) * 10;
            case 3 when t[1] == '十' && t[0] != '十' && t[2] != '十': return Digit(t[0]) * 10 + Digit(t[2]);
            default: return 0;
        }
    }

    /// <summary>The number of an enumerator such as 一、 （三） 2. ; 0 when there is none.</summary>
    public static int EnumeratorNumber(string e)
    {
        if (string.IsNullOrEmpty(e)) return 0;
        var core = e.Trim('(', ')', '（', '）', '、', '.');
        if (core.Length == 0) return 0;
        if (int.TryParse(core, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        return ToInt(core);
    }

    private static readonly Parser<char> AsciiDigit = Parse.Char(c => c is >= '0' and <= '9', "digit");
    private static readonly Parser<char> Numeral = Parse.Chars(Digits);
    private static readonly Parser<char> AnySpace = Parse.Char(char.IsWhiteSpace, "white space");

    /// <summary>
    /// An enumerator as a row label's prefix, loosely (one or two numeral characters, not checked as a number):
    /// （一） (1) 一、 十二、 1. 2、 3．, then white space to the end of the text.
    /// </summary>
    private static readonly Parser<IEnumerable<char>> LabelEnumeratorAtEnd =
        (from open in Parse.Chars("(（")
         from n in AsciiDigit.Or(Numeral).Repeat(1, 2)
         from close in Parse.Chars(")）")
         select "")
        .Or(from n in Numeral.Repeat(1, 2) from sep in Parse.Char('、') select "")
        .Or(from n in AsciiDigit.Repeat(1, 2) from sp in AnySpace.Many() from sep in Parse.Chars(".、．") select "")
        .Then(_ => AnySpace.Many())
        .End();

    /// <summary>
    /// Where the enumerator that ends <paramref name="text"/> begins (trailing white space allowed), the
    /// leftmost such start; -1 when the text does not end with one.
    /// </summary>
    public static int TrailingEnumeratorStart(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is not ('(' or '（' or (>= '0' and <= '9')) && Digits.IndexOf(c, StringComparison.Ordinal) < 0) continue;
            if (LabelEnumeratorAtEnd.TryParse(text[i..]).WasSuccessful) return i;
        }
        return -1;
    }

    /// <summary>The first four digits followed by 年 (2023年, 2023 年) in a text, or null.</summary>
    public static int? FirstYear(string text)
    {
        for (int i = 0; i + 5 <= text.Length; i++)
        {
            if (text[i] is < '0' or > '9') continue;
            var r = Year.TryParse(text.Substring(i, Math.Min(12, text.Length - i)));
            if (r.WasSuccessful) return r.Value;
        }
        return null;
    }

    private const string CountDigits = "零〇一二两三四五六七八九";

    /// <summary>
    /// A count written in Chinese numerals as prose prints it: 两, 十二, 一百零三, 三千五百, 二万三千 (up to 九万九千九百九十九);
    /// its value and the text as printed.
    /// </summary>
    public static readonly Parser<(long Value, string Text)> ChineseCount =
        Parse.Chars(CountDigits + "十百千万").AtLeastOnce().Text()
            .Where(t => t.Length <= 9 && CountValue(t) is not null)
            .Select(t => (CountValue(t)!.Value, t))
            .Named("Chinese count");

    /// <summary>
    /// A quantity as prose prints it: ASCII or full-width digits with optional thousands separators and one decimal
    /// point (859, 1,234, 3.5, ８５９), or a <see cref="ChineseCount"/>; its value and the text as printed.
    /// </summary>
    public static readonly Parser<(decimal Value, string Text)> Quantity =
        ArabicQuantity().Or(ChineseCount.Select(c => ((decimal)c.Value, c.Text))).Named("quantity");

    private static Parser<(decimal Value, string Text)> ArabicQuantity()
    {
        var digit = Parse.Char(c => TextUtil.Narrow(c) is >= '0' and <= '9', "digit");
        var thousands = from comma in Parse.Chars(",，") from d in digit.Repeat(3).Text() select comma + d;
        var fraction = from dot in Parse.Chars(".．") from d in digit.AtLeastOnce().Text() select dot + d;
        return from head in digit.Repeat(1, 12).Text()
               from groups in thousands.Many()
               from frac in fraction.Optional()
               let text = head + string.Concat(groups) + (frac.IsDefined ? frac.Get() : "")
               let plain = string.Concat(text.Select(TextUtil.Narrow).Where(c => c is not (',' or '，'))).Replace('．', '.')
               select (decimal.Parse(plain, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture), text);
    }

    /// <summary>The value of a Chinese count (两 = 2, 一百零三 = 103, 二万三千 = 23000), or null when malformed.</summary>
    public static long? CountValue(string t)
    {
        if (t is "零" or "〇") return 0;
        int wan = t.IndexOf('万', StringComparison.Ordinal);
        if (wan < 0) return Below10000(t);
        if (wan == 0 || t.IndexOf('万', wan + 1) >= 0 || Below10000(t[..wan]) is not long high) return null;
        var rest = t[(wan + 1)..].TrimStart('零', '〇');
        if (rest.Length == 0) return high * 10000;
        return Below10000(rest) is long low ? high * 10000 + low : null;
    }

    /// <summary>一 … 九千九百九十九 as pairs of digit and unit (十 alone as 一十); null when malformed or 0.</summary>
    private static long? Below10000(string t)
    {
        long value = 0, lastUnit = 100000;
        int digit = -1;
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            long unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                if (digit > 0) return null;
                digit = c is '零' or '〇' ? 0 : c == '两' ? 2 : Digits.IndexOf(c, StringComparison.Ordinal) + 1;
                continue;
            }
            if (digit < 0 && unit == 10 && i == 0) digit = 1;
            if (digit <= 0 || unit >= lastUnit) return null;
            value += digit * unit;
            lastUnit = unit;
            digit = -1;
        }
        if (digit > 0) value += digit;
        return value > 0 ? value : null;
    }
}
