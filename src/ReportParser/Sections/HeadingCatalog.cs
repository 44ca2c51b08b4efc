using ReportParser.Input;
using ReportParser.Text;

namespace ReportParser.Sections;

/// <summary>The six sections' heading texts, with the variants publishers use.</summary>
internal static class HeadingCatalog
{
    internal sealed record Entry(SectionKind Kind, int Number, string Primary, string[] Variants, string[] Cues);

    public static readonly Entry[] Entries =
    {
        new(SectionKind.Overview, 1, "总体情况", new[] { "概述", "基本情况", "总体情况概述" }, new[] { "总体情况" }),
        new(SectionKind.ProactiveDisclosure, 2, "主动公开政府信息情况", new[] { "主动公开情况", "主动公开政府信息" }, new[] { "主动公开" }),
        new(SectionKind.Requests, 3, "收到和处理政府信息公开申请情况", new[] { "依申请公开情况", "依申请公开政府信息情况", "收到和处理政府信息公开申请" }, new[] { "依申请", "公开申请情况", "收到和处理" }),
        new(SectionKind.ReviewLitigation, 4, "政府信息公开行政复议行政诉讼情况", new[] { "因政府信息公开工作被申请行政复议提起行政诉讼情况", "行政复议与行政诉讼情况", "行政复议行政诉讼情况", "政府信息公开行政复议行政诉讼" }, new[] { "行政复议", "行政诉讼" }),
        new(SectionKind.Problems, 5, "存在的主要问题及改进情况", new[] { "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及整改措施", "存在的主要问题及明年工作计划", "存在的主要问题和改进情况", "存在问题及改进措施" }, new[] { "主要问题", "存在问题", "存在的问题" }),
        new(SectionKind.OtherMatters, 6, "其他需要报告的事项", new[] { "其他需要报告事项", "其它需要报告的事项" }, new[] { "其他需要报告", "其它需要报告" }),
    };

    /// <summary>How a heading title matched the catalog.</summary>
    internal enum MatchKind { None, Exact, Variant, Typo, Cue }

    /// <summary>Matches a heading title against the six sections.</summary>
    public static (Entry? Entry, MatchKind Kind) Match(string title)
    {
        var key = TextUtil.Key(title);
        if (key.Length == 0) return (null, MatchKind.None);
        foreach (var e in Entries)
        {
            if (key == TextUtil.Key(e.Primary)) return (e, MatchKind.Exact);
        }
        foreach (var e in Entries)
        {
            foreach (var v in e.Variants) if (key == TextUtil.Key(v)) return (e, MatchKind.Variant);
        }
        // A typo: a small edit distance from the primary text or a variant.
        foreach (var e in Entries)
        {
            foreach (var t in e.Variants.Prepend(e.Primary))
            {
                var k = TextUtil.Key(t);
                int max = Math.Max(1, k.Length / 6);
                if (TextUtil.Distance(key, k, max) <= max) return (e, MatchKind.Typo);
            }
        }
        // A variant wording that still carries the section's cue words.
        if (key.Length <= 30)
        {
            foreach (var e in Entries)
            {
                foreach (var c in e.Cues) if (key.Contains(TextUtil.Key(c), StringComparison.Ordinal)) return (e, MatchKind.Cue);
            }
        }
        return (null, MatchKind.None);
    }
}
