using ReportParser.Input;
using ReportParser.Template;
using ReportParser.Text;

namespace ReportParser.Tables.Fused;

/// <summary>A row found in a paragraph: the row, and the offsets of its label and run in the paragraph text.</summary>
internal sealed record FoundRow(FusedRow Row, int LabelStart, int RunStart, int RunEnd);

/// <summary>
/// Finds the rows of a table printed in one paragraph of crawled text: a template row label directly
/// followed by a run of digits whose cell delimiters were lost.
/// </summary>
internal static class FusedRowFinder
{
    private static readonly Dictionary<RowDefinition, string[]> LabelKeys = TemplateSchema.Proactive2021.Rows
        .Concat(TemplateSchema.Proactive2019.Rows).Concat(TemplateSchema.Requests2021.Rows).Concat(TemplateSchema.Requests2019.Rows)
        .Distinct().ToDictionary(d => d, d => d.Aliases.Prepend(d.Label).Select(TextUtil.Key).ToArray());

    private static readonly string[] ReviewAnchors = { TextUtil.Key("总计"), TextUtil.Key("尚未审结") };

    private static IEnumerable<RowDefinition> RowDefs(SectionKind kind, ReportTemplate template) => kind switch
    {
        SectionKind.ProactiveDisclosure => TemplateSchema.ProactiveFor(template).Rows,
        SectionKind.Requests => template == ReportTemplate.V2021
            ? TemplateSchema.Requests2021.Rows.Append(TemplateSchema.SingleOtherRow)
            : TemplateSchema.Requests2019.Rows,
        _ => TemplateSchema.Review.Rows,
    };

    /// <summary>A run of digits in the paragraph: where it starts, where the next search resumes, and its end without trailing space.</summary>
    private readonly record struct Run(int Start, int Next, int End);

    /// <summary>The rows of a table printed in one paragraph: a template label directly followed by a run of values.</summary>
    public static List<FoundRow> Find(ParagraphBlock p, SectionKind kind, ReportTemplate template)
    {
        var w = p.Text;
        var result = new List<FoundRow>();
        var defs = RowDefs(kind, template).ToList();
        int i = 0, consumed = 0;
        while (i < w.Length)
        {
            if (!StartsRun(w, i)) { i++; continue; }
            var run = ReadRun(w, i);
            var (def, labelStart) = HasDigit(w, i, run.Next)
                ? (kind == SectionKind.ReviewLitigation ? ReviewLabel(w, i, run.Next, consumed, defs[0]) : RowLabel(w, i, consumed, defs))
                : (null, -1);
            if (def is not null)
            {
                result.Add(new FoundRow(NewRow(p, def, kind, labelStart, run), labelStart, run.Start, run.End));
                consumed = run.End;
            }
            i = Math.Max(run.Next, i + 1);
            if (def is not null && kind == SectionKind.ReviewLitigation) break;
        }
        return result;
    }

    private static FusedRow NewRow(ParagraphBlock p, RowDefinition def, SectionKind kind, int labelStart, Run run)
    {
        var w = p.Text;
        return new FusedRow
        {
            Def = def,
            Label = kind == SectionKind.ReviewLitigation ? "" : w[labelStart..run.Start].Trim(),
            Run = Narrow(w[run.Start..run.End]),
            LabelSpan = new SourceLocation(p.Location.Line, p.Location.Column + labelStart),
            RunSpan = new SourceLocation(p.Location.Line, p.Location.Column + run.Start),
        };
    }

    /// <summary>
    /// The run starting at <paramref name="i"/>; it ends where the next row's enumerator (2. 3、) begins, or where
    /// the next sentence begins with a year (继续办理1000001<u>2024年</u>，本机关…).
    /// </summary>
    private static Run ReadRun(string w, int i)
    {
        int end = YearCut(w, i, RunEnd(w, i));
        if (end - 1 > i && TextUtil.Narrow(w[end - 1]) == '.' && char.IsAsciiDigit(TextUtil.Narrow(w[end - 2])))
        {
            end -= 2;
        }
        else if (end < w.Length && w[end] == '、' && end - 1 >= i && char.IsAsciiDigit(TextUtil.Narrow(w[end - 1])))
        {
            end--;
        }
        int runEnd = end;
        while (runEnd > i && TextUtil.IsSpace(w[runEnd - 1])) runEnd--;
        return new Run(i, end, runEnd);
    }

    /// <summary>
    /// <paramref name="end"/>, or the start of a year (1990–2099) that closes the run and is followed by 年: the
    /// prose after the table begins there. The run keeps at least one digit.
    /// </summary>
    internal static int YearCut(string w, int start, int end)
    {
        if (end >= w.Length || w[end] != '年' || end - start < 5) return end;
        int year = 0;
        for (int k = end - 4; k < end; k++)
        {
            char c = TextUtil.Narrow(w[k]);
            if (!char.IsAsciiDigit(c)) return end;
            year = year * 10 + (c - '0');
        }
        return year is >= 1990 and <= 2099 && HasDigit(w, start, end - 4) ? end - 4 : end;
    }

    private static bool HasDigit(string w, int from, int to)
    {
        for (int k = from; k < to; k++) if (char.IsAsciiDigit(w[k])) return true;
        return false;
    }

    private static int DigitCount(string w, int from, int to)
    {
        int n = 0;
        for (int k = from; k < to; k++) if (char.IsAsciiDigit(w[k])) n++;
        return n;
    }

    /// <summary>Table 四 prints one row: a run of at least five digits after 总计/尚未审结, or alone on its line.</summary>
    private static (RowDefinition? Def, int LabelStart) ReviewLabel(string w, int i, int end, int consumed, RowDefinition cases)
    {
        if (DigitCount(w, i, end) < 5) return (null, -1);
        foreach (var anchor in ReviewAnchors)
        {
            if (MatchBack(w, i, anchor, consumed) >= 0) return (cases, i);
        }
        // A line holding nothing but the run (the header was printed on the lines above).
        bool alone = TextUtil.Key(w[..i]).Length == 0 && TextUtil.Key(w[end..]).Length == 0;
        return alone ? (cases, i) : (null, -1);
    }

    /// <summary>The longest template label ending right before the run, and where it (or its enumerator) starts.</summary>
    private static (RowDefinition? Def, int LabelStart) RowLabel(string w, int i, int consumed, List<RowDefinition> defs)
    {
        RowDefinition? def = null;
        int labelStart = -1, bestLen = 0;
        foreach (var d in defs)
        {
            foreach (var k in LabelKeys[d])
            {
                if (k.Length <= bestLen) continue;
                int s = MatchBack(w, i, k, consumed);
                if (s < 0) continue;
                if (d.Key == "Other.Other" && ChineseSyntax.TrailingEnumeratorStart(w[consumed..s]) < 0) continue;
                def = d;
                labelStart = s;
                bestLen = k.Length;
            }
        }
        if (def is null) return (null, -1);
        int enumerator = ChineseSyntax.TrailingEnumeratorStart(w[consumed..labelStart]);
        return (def, enumerator >= 0 ? consumed + enumerator : labelStart);
    }

    private static string Narrow(string s)
    {
        var chars = s.ToCharArray();
        for (int k = 0; k < chars.Length; k++)
        {
            chars[k] = TextUtil.Narrow(chars[k]) switch { '−' or '－' => '-', '．' => '.', var c => c };
            if (TextUtil.IsSpace(chars[k])) chars[k] = ' ';
        }
        return new string(chars);
    }

    private static bool StartsRun(string w, int i)
    {
        char c = TextUtil.Narrow(w[i]);
        if (char.IsAsciiDigit(c)) return i == 0 || !char.IsAsciiDigit(TextUtil.Narrow(w[i - 1])) && TextUtil.Narrow(w[i - 1]) != '.';
        return false;
    }

    private static int RunEnd(string w, int i)
    {
        int j = i;
        while (j < w.Length)
        {
            int step = RunCharLength(w, j);
            if (step == 0) break;
            j += step;
        }
        // A trailing sign or dot is not part of the run.
        while (j > i && TextUtil.Narrow(w[j - 1]) is '+' or '-' or '−') j--;
        return j;
    }

    /// <summary>How many characters at <paramref name="j"/> belong to a run (digits, signs, spaces, units); 0 at its end.</summary>
    private static int RunCharLength(string w, int j)
    {
        char c = TextUtil.Narrow(w[j]);
        if (char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '−' or '.' or '元' or '笔' or '件' or '条' || TextUtil.IsSpace(w[j])) return 1;
        return c == '万' && j + 1 < w.Length && w[j + 1] == '元' ? 2 : 0;
    }

    /// <summary>Start of <paramref name="key"/> ending right before <paramref name="end"/> (spaces, punctuation skipped), or -1.</summary>
    private static int MatchBack(string w, int end, string key, int floor)
    {
        int j = end - 1;
        int k = key.Length - 1;
        int start = -1;
        while (k >= 0)
        {
            if (j < floor) return -1;
            char c = TextUtil.Narrow(CjkCompat.Map(w[j]));
            if (char.IsAsciiDigit(c)) return -1;
            if (!TextUtil.IsIdeograph(c)) { j--; continue; }
            if (c != key[k]) return -1;
            start = j;
            j--;
            k--;
        }
        return start;
    }
}
