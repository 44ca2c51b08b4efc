using ReportParser.Input;

namespace ReportParser.Tables;

/// <summary>Which standard table a grid holds, from its labels; falls back to the section it sits in.</summary>
internal static class TableLocator
{
    private static readonly (SectionKind Kind, string[] Cues)[] Cues =
    {
        (SectionKind.ProactiveDisclosure, new[] { "第二十条", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "信息内容", "政府集中采购" }),
        (SectionKind.Requests, new[] { "本年新收", "申请人情况", "自然人", "予以公开", "不予公开", "结转下年度", "商业企业", "无法提供", "不予处理" }),
        (SectionKind.ReviewLitigation, new[] { "行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "复议后起诉" }),
    };

    public static SectionKind? Classify(TableBlock table)
    {
        var scores = new int[Cues.Length];
        foreach (var r in table.Rows)
        {
            foreach (var c in r.Cells)
            {
                if (c.IsEmpty || !TextUtil.HasIdeograph(c.Text)) continue;
                var k = TextUtil.Key(c.Text);
                for (int i = 0; i < Cues.Length; i++)
                {
                    foreach (var cue in Cues[i].Cues) if (k.Contains(cue, StringComparison.Ordinal)) scores[i]++;
                }
            }
        }
        int best = -1;
        for (int i = 0; i < scores.Length; i++) if (scores[i] > 0 && (best < 0 || scores[i] > scores[best])) best = i;
        return best < 0 ? null : Cues[best].Kind;
    }

    /// <summary>
    /// The rows of every table of each kind, in document order, concatenated (a split table is read as one).
    /// Each table is classified once, by its labels, else by the section it sits in.
    /// </summary>
    public static Dictionary<SectionKind, (List<GridRow> Rows, SourceLocation Location)> Collect(IReadOnlyList<ReportSection> sections, IReadOnlyList<Block> preamble)
    {
        var found = new Dictionary<SectionKind, (List<GridRow> Rows, SourceLocation Location)>();
        void Take(Block b, SectionKind? where)
        {
            if (b is not TableBlock t || (Classify(t) ?? where) is not SectionKind kind) return;
            if (!found.TryGetValue(kind, out var entry))
            {
                entry = (new List<GridRow>(), t.Location);
                found[kind] = entry;
            }
            entry.Rows.AddRange(t.Rows);
        }
        foreach (var b in preamble) Take(b, null);
        foreach (var s in sections) foreach (var b in s.Blocks) Take(b, s.Kind);
        return found;
    }
}
