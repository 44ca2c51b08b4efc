using System.Globalization;
using System.Text.RegularExpressions;
using ReportParser.Diagnostics;
using ReportParser.Input;

namespace ReportParser.Sections;

/// <summary>Finds the title, agency, year and publication date of a report.</summary>
internal static partial class MetadataReader
{
    [GeneratedRegex(@"((?:19|20)[0-9]{2})\s*年\s*度?")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"((?:19|20)[0-9]{2})\s*[年\-/.]\s*([0-9]{1,2})\s*[月\-/.]\s*([0-9]{1,2})\s*日?")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^(?:发布机构|发文机关|发布单位|来源)[:：]\s*(.+)$")]
    private static partial Regex AgencyLabelRegex();

    [GeneratedRegex(@"(?:发布日期|发文日期|成文日期|发布时间)[:：]?\s*((?:19|20)[0-9]{2}\s*[年\-/.]\s*[0-9]{1,2}\s*[月\-/.]\s*[0-9]{1,2})")]
    private static partial Regex DateLabelRegex();

    public sealed record Found(string? Title, SourceLocation TitleSpan, string? Agency, int? Year, DateOnly? PublishedOn);

    public static Found Read(SplitDocument doc, DocumentBlocks blocks)
    {
        var paragraphs = doc.Preamble.OfType<ParagraphBlock>().ToList();
        ParagraphBlock? title = paragraphs.FirstOrDefault(IsTitle);
        if (title is null)
        {
            // Crawled pages may put the title after chrome; look through the first blocks of the document.
            title = blocks.Blocks.Take(60).OfType<ParagraphBlock>().FirstOrDefault(IsTitle);
        }

        int? year = null;
        string? agency = null;
        if (title is not null)
        {
            var m = YearRegex().Match(title.Text);
            if (m.Success)
            {
                year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                agency = CleanAgency(title.Text[..m.Index]);
                if (agency is null)
                {
                    // "2019年上海市人民政府办公厅政府信息公开工作年度报告": the agency follows the year.
                    var rest = title.Text[(m.Index + m.Length)..];
                    int end = rest.IndexOf("政府信息公开", StringComparison.Ordinal);
                    if (end < 0) end = rest.IndexOf("政务公开", StringComparison.Ordinal);
                    if (end > 0 && LooksLikeAgency(rest[..end])) agency = CleanAgency(rest[..end]);
                }
            }
        }
        if (year is null)
        {
            foreach (var p in blocks.Blocks.OfType<ParagraphBlock>().Take(80))
            {
                var m = YearRegex().Match(p.Text);
                if (m.Success && p.Text.Contains("报告", StringComparison.Ordinal))
                {
                    year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    break;
                }
            }
        }
        if (string.IsNullOrEmpty(agency))
        {
            agency = null;
            // The line before the title, when it is short and reads as a name.
            if (title is not null)
            {
                int idx = paragraphs.IndexOf(title);
                for (int i = idx - 1; i >= 0 && i >= idx - 2; i--)
                {
                    var t = paragraphs[i].Text;
                    if (LooksLikeAgency(t)) { agency = CleanAgency(t); break; }
                }
            }
        }
        if (agency is null && blocks.Metadata.TryGetValue("发布机构", out var metaAgency) && metaAgency.Length > 0) agency = metaAgency;
        if (agency is null)
        {
            foreach (var p in paragraphs)
            {
                var m = AgencyLabelRegex().Match(p.Text);
                if (m.Success) { agency = CleanAgency(m.Groups[1].Value); break; }
            }
        }

        DateOnly? published = null;
        foreach (var p in paragraphs)
        {
            var m = DateLabelRegex().Match(p.Text);
            if (m.Success && TryDate(m.Groups[1].Value, out var d)) { published = d; break; }
        }
        if (published is null)
        {
            foreach (var key in new[] { "发布日期", "发文日期", "成文日期" })
            {
                if (blocks.Metadata.TryGetValue(key, out var v) && TryDate(v, out var d)) { published = d; break; }
            }
        }
        if (published is null)
        {
            // A signature date: one of the last paragraphs is only a date.
            var tail = blocks.Blocks.OfType<ParagraphBlock>().Reverse().Take(4);
            foreach (var p in tail)
            {
                var t = TextUtil.Compact(p.Text);
                var m = DateRegex().Match(t);
                if (m.Success && m.Length >= t.Length - 1 && TryDate(m.Value, out var d)) { published = d; break; }
            }
        }
        if (published is { } pd && year is int y && pd.Year < y) published = null;

        return new Found(title?.Text, title?.Location, agency, year, published);
    }

    /// <summary>Warns for a missing year or agency.</summary>
    public static void ReportMissing(Found found, DiagnosticBag bag)
    {
        if (found.Year is null) bag.Warning(DiagnosticCode.YearNotFound, found.TitleSpan, "the report year was not found in the title or the opening lines");
        if (found.Agency is null) bag.Warning(DiagnosticCode.AgencyNotFound, found.TitleSpan, "the publishing agency was not found (no prefix before the year in the title, no name line above it)");
    }

    private static bool IsTitle(ParagraphBlock p)
    {
        var t = TextUtil.Compact(p.Text);
        return t.Length <= 80 && YearRegex().IsMatch(t) && t.Contains("报告", StringComparison.Ordinal)
            && (t.Contains("公开", StringComparison.Ordinal) || t.Contains("公开", StringComparison.Ordinal));
    }

    private static bool LooksLikeAgency(string t)
    {
        var c = TextUtil.Compact(t);
        return c.Length is >= 2 and <= 40 && !c.Any(char.IsAsciiDigit) && !c.Contains('。') && !c.Contains('：');
    }

    private static string? CleanAgency(string s)
    {
        var t = TextUtil.Compact(s).Trim('《', '》', '“', '”', '"', '-', '—', ':', '：', '|');
        if (t.EndsWith("关于", StringComparison.Ordinal)) t = t[..^2];
        return t.Length == 0 ? null : t;
    }

    private static bool TryDate(string s, out DateOnly date)
    {
        date = default;
        var m = DateRegex().Match(s);
        if (!m.Success) return false;
        int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        int mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        int d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateOnly(y, mo, d);
        return true;
    }
}
