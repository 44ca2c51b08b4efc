using System.Text.RegularExpressions;
using ReportParser.Input;
using ReportParser.Text;

namespace ReportParser.Tables;

/// <summary>One piece of a row label: the enumerator printed before it (一、 （三） 2. …) and its text.</summary>
internal readonly record struct LabelSegment(string Enumerator, string Text)
{
    /// <summary>The enumerator reduced to its number: 一 → 1, （三） → 3, 2. → 2; 0 when absent.</summary>
    public int Number => LabelText.EnumeratorNumber(Enumerator);

    /// <summary>True for bracketed enumerators （一）.</summary>
    public bool IsBracketed => Enumerator.StartsWith('(');
}

/// <summary>Splits row labels into enumerated segments and compares them with template labels.</summary>
internal static partial class LabelText
{
    [GeneratedRegex(@"([(][一二三四五六七八九十0-9]{1,2}[)]|[一二三四五六七八九十]{1,2}、|[0-9]{1,2}[.、](?![0-9]))")]
    private static partial Regex EnumeratorRegex();

    /// <summary>Splits a compacted label (no spaces, half-width brackets) into segments.</summary>
    public static List<LabelSegment> Segments(string label)
    {
        var s = TextUtil.Compact(CjkCompat.Normalize(label)).Replace('．', '.');
        var result = new List<LabelSegment>();
        var matches = EnumeratorRegex().Matches(s);
        int pos = 0;
        string pendingEnum = "";
        foreach (Match m in matches)
        {
            if (m.Index > pos || pendingEnum.Length > 0)
            {
                var text = s[pos..m.Index];
                if (text.Length > 0 || pendingEnum.Length > 0) result.Add(new LabelSegment(pendingEnum, text));
            }
            pendingEnum = m.Value;
            pos = m.Index + m.Length;
        }
        var rest = s[pos..];
        if (rest.Length > 0 || pendingEnum.Length > 0) result.Add(new LabelSegment(pendingEnum, rest));
        result.RemoveAll(x => x.Text.Length == 0 && x.Enumerator.Length == 0);
        return result;
    }

    /// <summary>The number of an enumerator such as 一、 （三） 2. ; 0 when there is none.</summary>
    public static int EnumeratorNumber(string e) => ChineseSyntax.EnumeratorNumber(e);

    // Template labels are few and fixed: their keys are computed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TemplateKeys = new(StringComparer.Ordinal);

    /// <summary>How a printed label compares with a template label.</summary>
    public enum Fit { None, Exact, Prefix, Typo }

    /// <summary>Compares a printed label segment with a template label (and its aliases).</summary>
    public static (Fit Fit, int Distance) Compare(string printed, string template, IEnumerable<string>? aliases = null)
    {
        var p = TextUtil.Key(printed);
        if (p.Length == 0) return (Fit.None, int.MaxValue);
        var best = (Fit.None, int.MaxValue);
        foreach (var t in Enumerable.Repeat(template, 1).Concat(aliases ?? Array.Empty<string>()))
        {
            var k = TemplateKeys.GetOrAdd(t, TextUtil.Key);
            if (k.Length == 0) continue;
            if (p == k) return (Fit.Exact, 0);
            int max = Math.Max(1, k.Length / 5);
            int d = TextUtil.Distance(p, k, max);
            if (d <= max && (best.Item1 != Fit.Typo || d < best.Item2)) best = (Fit.Typo, d);
            else if (best.Item1 == Fit.None && k.Length >= 4 && p.StartsWith(k, StringComparison.Ordinal)) best = (Fit.Prefix, p.Length - k.Length);
        }
        return best;
    }
}
