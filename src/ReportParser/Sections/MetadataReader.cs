using System.Globalization;
using System.Text.RegularExpressions;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Text;

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

    /// <summary>
    /// A statistics period sentence (统计期限自2020年7月1日起至2020年12月31日止): its dates and where it is printed.
    /// </summary>
    public sealed record Period(DateOnly From, DateOnly To, SourceLocation Location, string Text);

    /// <summary>What the metadata reading found; <see cref="Letter"/> is the addressee of a report written as a letter.</summary>
    public sealed record Found(string? Title, SourceLocation TitleSpan, string? Agency, int? Year, DateOnly? PublishedOn)
    {
        /// <summary>The addressee line (…办公室：) when the document is a letter (关于报送…的函), else null.</summary>
        public string? Letter { get; init; }

        /// <summary>The statistics period the report states, or null.</summary>
        public Period? StatedPeriod { get; init; }
    }

    [GeneratedRegex(@"关于(?:报送|上报|呈报|提交)?.*报告的函$")]
    private static partial Regex LetterTitleRegex();

    [GeneratedRegex(@"^\S{2,40}[：:]$")]
    private static partial Regex AddresseeRegex();

    [GeneratedRegex(@"((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日(?:起)?(?:至|到|—|－|-|~|～)((?:19|20)[0-9]{2})?年?([0-9]{1,2})月([0-9]{1,2})日")]
    private static partial Regex PeriodRegex();

    public static Found Read(SplitDocument doc, DocumentBlocks blocks)
    {
        var paragraphs = doc.Preamble.OfType<ParagraphBlock>().ToList();
        ParagraphBlock? title = FindTitle(paragraphs, blocks);

        int? year = null;
        string? agency = null;
        if (title is not null) (year, agency) = ReadTitle(title.Text);
        year ??= ReportYearInOpening(blocks);
        if (string.IsNullOrEmpty(agency)) agency = title is null ? null : AgencyAboveTitle(paragraphs, title);
        if (agency is null && blocks.Metadata.TryGetValue("发布机构", out var metaAgency) && metaAgency.Length > 0) agency = metaAgency;
        agency ??= LabelledAgency(paragraphs);

        DateOnly? published = LabelledDate(paragraphs) ?? MetadataDate(blocks) ?? SignatureDate(blocks);
        if (published is { } pd && year is int y && pd.Year < y) published = null;

        return new Found(title?.Text, title?.Location ?? SourceLocation.Unknown, agency, year, published)
        {
            Letter = title is null ? null : Addressee(title, blocks),
            StatedPeriod = StatisticsPeriod(blocks),
        };
    }

    /// <summary>
    /// The addressee of a report written as a letter: the title reads 关于报送…报告的函 and one of the next lines is a
    /// name ending in a colon (…办公室：). Null for any other document.
    /// </summary>
    private static string? Addressee(ParagraphBlock title, DocumentBlocks blocks)
    {
        if (!LetterTitleRegex().IsMatch(TextUtil.Compact(title.Text))) return null;
        int at = -1;
        for (int i = 0; i < blocks.Blocks.Count && i < 80; i++) if (ReferenceEquals(blocks.Blocks[i], title)) at = i;
        if (at < 0) return null;
        foreach (var p in blocks.Blocks.Skip(at + 1).Take(3).OfType<ParagraphBlock>())
        {
            var t = TextUtil.Compact(p.Text);
            if (AddresseeRegex().IsMatch(t)) return t[..^1];
        }
        return null;
    }

    /// <summary>The first statistics period the opening paragraphs state (a sentence naming 统计 and two dates).</summary>
    private static Period? StatisticsPeriod(DocumentBlocks blocks)
    {
        foreach (var p in blocks.Blocks.OfType<ParagraphBlock>().Take(80))
        {
            if (!p.Text.Contains("统计", StringComparison.Ordinal)) continue;
            var compact = TextUtil.Compact(p.Text);
            var m = PeriodRegex().Match(compact);
            if (!m.Success) continue;
            int y1 = Int(m.Groups[1].Value);
            int y2 = m.Groups[4].Success ? Int(m.Groups[4].Value) : y1;
            if (!TryDate(y1, Int(m.Groups[2].Value), Int(m.Groups[3].Value), out var from) || !TryDate(y2, Int(m.Groups[5].Value), Int(m.Groups[6].Value), out var to) || to < from) continue;
            return new Period(from, to, p.Location, m.Value);
        }
        return null;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static ParagraphBlock? FindTitle(List<ParagraphBlock> paragraphs, DocumentBlocks blocks)
    {
        // Crawled pages may put the title after chrome; look through the first blocks of the document.
        return paragraphs.FirstOrDefault(IsTitle) ?? blocks.Blocks.Take(60).OfType<ParagraphBlock>().FirstOrDefault(IsTitle);
    }

    /// <summary>The year in the title and the agency printed before it (or, failing that, after it).</summary>
    private static (int? Year, string? Agency) ReadTitle(string title)
    {
        var m = YearRegex().Match(title);
        if (!m.Success) return (null, null);
        int year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var agency = CleanAgency(title[..m.Index]);
        if (agency is null)
        {
            // "2019年上海市人民政府办公厅政府信息公开工作年度报告": the agency follows the year.
            var rest = title[(m.Index + m.Length)..];
            int end = rest.IndexOf("政府信息公开", StringComparison.Ordinal);
            if (end < 0) end = rest.IndexOf("政务公开", StringComparison.Ordinal);
            if (end > 0 && LooksLikeAgency(rest[..end])) agency = CleanAgency(rest[..end]);
        }
        return (year, agency);
    }

    /// <summary>The year of the first opening paragraph that names a year and a 报告.</summary>
    private static int? ReportYearInOpening(DocumentBlocks blocks)
    {
        foreach (var p in blocks.Blocks.OfType<ParagraphBlock>().Take(80))
        {
            var m = YearRegex().Match(p.Text);
            if (m.Success && p.Text.Contains("报告", StringComparison.Ordinal))
            {
                return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    /// <summary>The line before the title, when it is short and reads as a name.</summary>
    private static string? AgencyAboveTitle(List<ParagraphBlock> paragraphs, ParagraphBlock title)
    {
        int idx = paragraphs.IndexOf(title);
        for (int i = idx - 1; i >= 0 && i >= idx - 2; i--)
        {
            var t = paragraphs[i].Text;
            if (LooksLikeAgency(t)) return CleanAgency(t);
        }
        return null;
    }

    /// <summary>The agency of a 发布机构：… line.</summary>
    private static string? LabelledAgency(List<ParagraphBlock> paragraphs)
    {
        foreach (var p in paragraphs)
        {
            var m = AgencyLabelRegex().Match(p.Text);
            if (m.Success) return CleanAgency(m.Groups[1].Value);
        }
        return null;
    }

    /// <summary>The date of a 发布日期：… line.</summary>
    private static DateOnly? LabelledDate(List<ParagraphBlock> paragraphs)
    {
        foreach (var p in paragraphs)
        {
            var m = DateLabelRegex().Match(p.Text);
            if (m.Success && TryDate(m.Groups[1].Value, out var d)) return d;
        }
        return null;
    }

    /// <summary>The date the page's metadata gives.</summary>
    private static DateOnly? MetadataDate(DocumentBlocks blocks)
    {
        foreach (var key in new[] { "发布日期", "发文日期", "成文日期" })
        {
            if (blocks.Metadata.TryGetValue(key, out var v) && TryDate(v, out var d)) return d;
        }
        return null;
    }

    /// <summary>A signature date: one of the last paragraphs is only a date.</summary>
    private static DateOnly? SignatureDate(DocumentBlocks blocks)
    {
        var tail = blocks.Blocks.OfType<ParagraphBlock>().Reverse().Take(4);
        foreach (var p in tail)
        {
            var t = TextUtil.Compact(p.Text);
            var m = DateRegex().Match(t);
            if (m.Success && m.Length >= t.Length - 1 && TryDate(m.Value, out var d)) return d;
        }
        return null;
    }

    /// <summary>
    /// Warns for a missing year or agency; notes a report written as a letter, a statistics period shorter than a
    /// year, and a period in another year than the title's (the title's year is kept: the title names the report,
    /// while the period sentence is the boilerplate most often carried over from an earlier report).
    /// </summary>
    public static void ReportMissing(Found found, DiagnosticBag bag)
    {
        if (found.Letter is { } to)
        {
            bag.Info(DiagnosticCode.LetterForm, found.TitleSpan,
                $"the report is written as a letter to {to} ('{found.Title}'); read as the report it carries", found.Title);
        }
        if (found.StatedPeriod is { } period) ReportPeriod(found, period, bag);
        if (found.Year is null) bag.Warning(DiagnosticCode.YearNotFound, found.TitleSpan, "the report year was not found in the title or the opening lines");
        if (found.Agency is null) bag.Warning(DiagnosticCode.AgencyNotFound, found.TitleSpan, "the publishing agency was not found (no prefix before the year in the title, no name line above it)");
    }

    private static void ReportPeriod(Found found, Period period, DiagnosticBag bag)
    {
        var (from, to) = (period.From, period.To);
        bool calendarYear = from.Month == 1 && from.Day == 1 && to.Month == 12 && to.Day == 31 && from.Year == to.Year;
        if (found.Year is int year && (from.Year != year || to.Year != year))
        {
            bag.Warning(DiagnosticCode.YearDisagreement, period.Location,
                $"the title names {year} but the statistics period is '{period.Text}'; the report year is kept as the title's {year}", period.Text);
        }
        else if (!calendarYear)
        {
            int days = to.DayNumber - from.DayNumber + 1;
            bag.Info(DiagnosticCode.PartialPeriod, period.Location,
                $"the statistics period '{period.Text}' is {days} days, shorter than the calendar year: the figures cover that period only", period.Text);
        }
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
        foreach (var tail in new[] { "关于报送", "关于上报", "关于呈报", "关于提交", "关于" })
        {
            if (t.EndsWith(tail, StringComparison.Ordinal)) { t = t[..^tail.Length]; break; }
        }
        return t.Length == 0 ? null : t;
    }

    private static bool TryDate(string s, out DateOnly date)
    {
        date = default;
        var m = DateRegex().Match(s);
        if (!m.Success) return false;
        return TryDate(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value), out date);
    }

    private static bool TryDate(int y, int mo, int d, out DateOnly date)
    {
        date = default;
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateOnly(y, mo, d);
        return true;
    }
}
