using System.Globalization;
using System.Text;
using ReportParser.Input;

namespace ReportParser.Tables.Fused;

/// <summary>
/// Numbers the report's own text states near the words of a row (行政许可…43件), used to choose between
/// splits of a fused run that the arithmetic leaves open.
/// </summary>
internal sealed class FusedHints
{
    private static readonly Dictionary<string, string[]> HintWords = new()
    {
        ["Regulations"] = new[] { "规章" },
        ["NormativeDocuments"] = new[] { "规范性文件" },
        ["Licensing"] = new[] { "行政许可" },
        ["OtherServices"] = new[] { "其他对外管理服务事项" },
        ["Penalties"] = new[] { "行政处罚" },
        ["Enforcement"] = new[] { "行政强制" },
        ["Fees"] = new[] { "收费" },
        ["CentralProcurement"] = new[] { "采购" },
        ["NewRequests"] = new[] { "申请" },
    };

    private readonly string _text;

    private FusedHints(string text) => _text = text;

    /// <summary>The document's paragraphs as one text, with the found rows' labels and runs blanked (they are not statements).</summary>
    public static FusedHints From(IReadOnlyList<Block> blocks, IReadOnlyDictionary<ParagraphBlock, List<FoundRow>> rowsByParagraph)
    {
        var sb = new StringBuilder();
        foreach (var p in blocks.OfType<ParagraphBlock>())
        {
            if (rowsByParagraph.TryGetValue(p, out var found))
            {
                var chars = p.Text.ToCharArray();
                foreach (var f in found) for (int i = f.LabelStart; i < f.RunEnd; i++) chars[i] = ' ';
                sb.Append(chars).Append('\n');
            }
            else
            {
                sb.Append(p.Text).Append('\n');
            }
        }
        return new FusedHints(sb.ToString());
    }

    /// <summary>Numbers the text states within the same clause after one of the row's words.</summary>
    public HashSet<decimal> For(FusedRow r)
    {
        var set = new HashSet<decimal>();
        if (!HintWords.TryGetValue(r.Def.Key, out var words)) return set;
        foreach (var word in words)
        {
            int at = 0;
            while ((at = _text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
            {
                AddClauseNumbers(at + word.Length, set);
                at += word.Length;
            }
        }
        return set;
    }

    /// <summary>Adds the numbers (not years) of the clause starting at <paramref name="i"/>, at most 24 characters on.</summary>
    private void AddClauseNumbers(int i, HashSet<decimal> set)
    {
        var text = _text;
        int stop = Math.Min(text.Length, i + 24);
        while (i < stop && "。；;\n".IndexOf(text[i]) < 0)
        {
            if (!char.IsAsciiDigit(text[i])) { i++; continue; }
            int s = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            var num = text[s..i].TrimEnd('.');
            bool year = i < text.Length && text[i] == '年';
            if (!year && decimal.TryParse(num, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) set.Add(v);
        }
    }
}
