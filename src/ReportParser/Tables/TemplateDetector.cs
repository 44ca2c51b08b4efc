using ReportParser.Diagnostics;
using ReportParser.Input;

namespace ReportParser.Tables;

/// <summary>
/// Decides the template from the document's own labels (table 二's column headers, table 三's （六） rows,
/// 2019's procurement block) and its year, with a diagnostic when they disagree or say nothing.
/// </summary>
internal static class TemplateDetector
{
    private static readonly string[] Cues2021 = { "本年制发件数", "本年废止件数", "现行有效件数", "逾期不补正", "逾期未按收费通知", "不再处理其政府信息公开申请" };
    private static readonly string[] Cues2019 = { "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "政府集中采购", "采购总金额", "本年增减" };
    private static readonly string[] CuesLegacy = { "指标名称", "计量单位", "主动公开政府信息数", "依申请公开信息目录数" };

    private static readonly string[] Keys2021 = Array.ConvertAll(Cues2021, TextUtil.Key);
    private static readonly string[] Keys2019 = Array.ConvertAll(Cues2019, TextUtil.Key);
    private static readonly string[] KeysLegacy = Array.ConvertAll(CuesLegacy, TextUtil.Key);

    /// <summary>
    /// The template the texts' own labels point at: the one with more template-specific labels, legacy when
    /// only the pre-2019 statistics labels appear, Unknown when none does. Silent; <see cref="Detect"/> reports.
    /// </summary>
    public static ReportTemplate ByLabels(IEnumerable<string> texts)
    {
        int n2021 = 0, n2019 = 0, nLegacy = 0;
        foreach (var text in texts)
        {
            if (!TextUtil.HasIdeograph(text)) continue;
            var k = TextUtil.Key(text);
            if (k.Length == 0) continue;
            foreach (var c in Keys2021) if (k.Contains(c, StringComparison.Ordinal)) n2021++;
            foreach (var c in Keys2019) if (k.Contains(c, StringComparison.Ordinal)) n2019++;
            foreach (var c in KeysLegacy) if (k.Contains(c, StringComparison.Ordinal)) nLegacy++;
        }
        return n2021 > n2019 ? ReportTemplate.V2021
            : n2019 > n2021 ? ReportTemplate.V2019
            : nLegacy > 0 ? ReportTemplate.Legacy
            : ReportTemplate.Unknown;
    }

    public static ReportTemplate Detect(DocumentBlocks blocks, int? year, SourceLocation titleSpan, DiagnosticBag bag)
    {
        ReportTemplate byLabels = ByLabels(Texts(blocks));
        ReportTemplate byYear = year switch
        {
            null => ReportTemplate.Unknown,
            >= 2021 => ReportTemplate.V2021,
            >= 2019 => ReportTemplate.V2019,
            _ => ReportTemplate.Legacy,
        };

        if (byLabels == ReportTemplate.Unknown)
        {
            if (byYear == ReportTemplate.Unknown)
            {
                bag.Warning(DiagnosticCode.TemplateUncertain, titleSpan, "neither the table labels nor a year tell the template");
                return ReportTemplate.Unknown;
            }
            if (byYear != ReportTemplate.Legacy)
            {
                bag.Warning(DiagnosticCode.TemplateUncertain, titleSpan, $"no template-specific table labels found; template {byYear.ToKey()} assumed from the year {year}");
            }
            else
            {
                bag.Warning(DiagnosticCode.LegacyFormat, titleSpan, $"report year {year} predates the 2019 template: read as legacy (sections and raw tables only)");
            }
            return byYear;
        }
        if (byLabels == ReportTemplate.Legacy)
        {
            bag.Warning(DiagnosticCode.LegacyFormat, titleSpan, "the tables use the pre-2019 statistics layout (指标名称/计量单位): read as legacy (sections and raw tables only)");
            return ReportTemplate.Legacy;
        }
        if (byYear != ReportTemplate.Unknown && byYear != byLabels)
        {
            bag.Warning(DiagnosticCode.TemplateMismatch, titleSpan,
                $"the table labels follow the {byLabels.ToKey()} template but the report year {year} calls for {byYear.ToKey()}; the labels are followed");
        }
        return byLabels;
    }

    private static IEnumerable<string> Texts(DocumentBlocks blocks)
    {
        foreach (var b in blocks.Blocks)
        {
            switch (b)
            {
                case TableBlock t:
                    foreach (var r in t.Rows) foreach (var c in r.Cells) if (!c.IsEmpty) yield return c.Text;
                    break;
                case ParagraphBlock p when p.Text.Length < 200:
                    yield return p.Text;
                    break;
            }
        }
    }
}
