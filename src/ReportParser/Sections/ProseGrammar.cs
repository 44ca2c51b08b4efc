using ReportParser.Text;
using Sprache;

namespace ReportParser.Sections;

/// <summary>A figure found in a clause: where it starts and ends, its value, the number and unit as printed, and the words before it.</summary>
/// <param name="Start">Offset of the number in the clause.</param>
/// <param name="End">Offset just after the unit.</param>
/// <param name="Value">The number's value.</param>
/// <param name="Number">The number as printed.</param>
/// <param name="Unit">The unit as printed (％ read as %).</param>
/// <param name="Lead">The words between the clause's start (or the previous figure) and the number, trimmed of separators.</param>
internal readonly record struct ProseFigure(int Start, int End, decimal Value, string Number, string Unit, string Lead);

/// <summary>
/// The Sprache grammar of the figures prose states: a quantity (<see cref="ChineseSyntax.Quantity"/>: 859, 1,234, 3.5,
/// 两, 一百零三), optional spaces, then a unit (件 条 起 万元 元 % 个 次 篇 项 宗 份 人次). A clause is read as the
/// words before each figure and the figure (<see cref="Figures"/>); ordinals (第3条), numbers inside longer digit runs
/// and Chinese numerals that are words (一起, 一件事) are not figures.
/// </summary>
internal static class ProseGrammar
{
    /// <summary>The units, longest first so that 万元 is not read as 万 then 元.</summary>
    public static readonly IReadOnlyList<string> Units = new[] { "万元", "人次", "件", "条", "起", "元", "%", "％", "个", "次", "篇", "项", "宗", "份" };

    /// <summary>
    /// One of the <see cref="Units"/>, the first that the input starts with (％ read as %). Written as a Sprache parser
    /// by hand rather than as an <c>Or</c> of <c>Parse.String</c>s: every alternative that failed built its error
    /// message, and that was most of what the figure grammar allocated (tools/ReportParser.Benchmarks -- --stages).
    /// </summary>
    private static readonly Parser<string> Unit = input =>
    {
        var source = input.Source;
        int at = input.Position;
        foreach (var u in Units)
        {
            if (at + u.Length > source.Length || string.CompareOrdinal(source, at, u, 0, u.Length) != 0) continue;
            var rest = input;
            for (int k = 0; k < u.Length; k++) rest = rest.Advance();
            return Result.Success(u == "％" ? "%" : u, rest);
        }
        return Result.Failure<string>(input, input.AtEnd ? "unexpected end of input" : $"unexpected '{input.Current}'", UnitExpectation);
    };

    private static readonly string[] UnitExpectation = { "unit" };

    /// <summary>One figure: a quantity and its unit.</summary>
    public static readonly Parser<(decimal Value, string Number, int Spaces, string Unit)> Figure =
        from q in ChineseSyntax.Quantity
        from spaces in ChineseSyntax.Space.Many()
        from unit in Unit
        select (q.Value, q.Text, spaces.Count(), unit);

    /// <summary>Units a number in Chinese numerals may take: elsewhere (一次, 一个, 一起) the numeral is a word, not a figure.</summary>
    private static readonly HashSet<string> ChineseUnits = new(StringComparer.Ordinal) { "件", "条", "万元", "元" };

    /// <summary>Characters that make a figure's unit part of a word (一件事, 件数, 条款).</summary>
    private const string WordAfterUnit = "事数款例龙线心套";

    /// <summary>Longest digit run read as a figure: a longer one is a table's fused row.</summary>
    public const int MaxDigits = 9;

    /// <summary>A figure is read from at most this many characters (a number, spaces, a unit).</summary>
    private const int MaxFigureLength = 40;

    /// <summary>The figures of one clause, in order.</summary>
    public static List<ProseFigure> Figures(string clause)
    {
        var result = new List<ProseFigure>();
        int leadStart = 0;
        for (int i = 0; i < clause.Length; i++)
        {
            if (!StartsNumber(clause, i) || !MayBeFigure(clause, i)) continue;
            var r = Figure.TryParse(clause.Substring(i, Math.Min(MaxFigureLength, clause.Length - i)));
            if (!r.WasSuccessful) continue;
            var (value, number, spaces, unit) = r.Value;
            int end = i + number.Length + spaces + unit.Length;
            if (!Accept(clause, i, end, number, unit)) { i += number.Length - 1; continue; }
            result.Add(new ProseFigure(i, end, value, number, unit, Lead(clause, leadStart, i)));
            leadStart = end;
            i = end - 1;
        }
        return result;
    }

    private static bool StartsNumber(string s, int i)
    {
        char c = s[i];
        bool arabic = TextUtil.Narrow(c) is >= '0' and <= '9';
        bool chinese = "零〇一二两三四五六七八九十百千万".Contains(c, StringComparison.Ordinal);
        if (!arabic && !chinese) return false;
        if (i == 0) return true;
        char p = TextUtil.Narrow(s[i - 1]);
        if (arabic) return p is not ((>= '0' and <= '9') or '.' or ',' or '，' or '-' or '/' or ':' or '：') && !char.IsAsciiLetter(p);
        return !"零〇一二两三四五六七八九十百千万第".Contains(s[i - 1], StringComparison.Ordinal);
    }

    /// <summary>Characters a <see cref="ChineseSyntax.Quantity"/> or the spaces after it are made of.</summary>
    private const string QuantityChars = "0123456789０１２３４５６７８９,，.．零〇一二两三四五六七八九十百千万 \u3000\u00A0\t";

    /// <summary>The first characters of the <see cref="Units"/>.</summary>
    private const string UnitStarts = "万人件条起元%％个次篇项宗份";

    /// <summary>
    /// A cheap scan that is true wherever <see cref="Figure"/> can succeed at <paramref name="i"/>, so the grammar runs
    /// only there: a figure is quantity characters and spaces, then a unit, so a unit must start where the run of those
    /// characters ends, or inside it at a 万 (三万元), within <see cref="MaxFigureLength"/> characters. Most numeral
    /// characters of running text (一般, 进一步, 统一) fail it, and Sprache, which allocates per character read, is not run.
    /// </summary>
    /// <remarks>Hand-written because the profile (tools/ReportParser.Benchmarks -- --stages) showed the grammar run at
    /// every numeral character as most of the prose step's time.</remarks>
    private static bool MayBeFigure(string s, int i)
    {
        int limit = Math.Min(s.Length, i + MaxFigureLength);
        int j = i + 1;
        for (; j < limit; j++)
        {
            char c = s[j];
            if (c == '万') return true;
            if (!QuantityChars.Contains(c, StringComparison.Ordinal)) break;
        }
        return j < limit && UnitStarts.Contains(s[j], StringComparison.Ordinal);
    }

    private static bool Accept(string clause, int start, int end, string number, string unit)
    {
        if (start > 0 && clause[start - 1] == '第') return false;
        bool arabic = TextUtil.Narrow(number[0]) is >= '0' and <= '9';
        if (arabic && number.Count(char.IsDigit) > MaxDigits) return false;
        if (!arabic && !ChineseUnits.Contains(unit)) return false;
        return end >= clause.Length || unit == "%" || !WordAfterUnit.Contains(clause[end], StringComparison.Ordinal);
    }

    private static readonly char[] Separators = "、，,：:；;（(）)　 \t".ToCharArray();

    private static string Lead(string clause, int from, int to) => clause.AsSpan(from, to - from).Trim(Separators).ToString();
}
