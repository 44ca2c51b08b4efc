using System.Text.RegularExpressions;
using ReportParser.Diagnostics;
using ReportParser.Text;

namespace ReportParser.Input;

/// <summary>
/// The input's share of reading crawled plain text: Word comments and portal chrome (breadcrumbs, 来源 lines,
/// 附件下载) are blanked with spaces of the same length, so every later column still points at the source
/// character, and the crawler's <c>标题: …</c> header keeps only the title.
/// </summary>
internal static partial class CrawledTextCleaner
{
    [GeneratedRegex(@"<!--.*?-->|<!\[[^\]]*\]>")]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"当前位置\s*[:：]\s*[^ ]{0,80}?(?:年报|年度报告)\s")]
    private static partial Regex BreadcrumbRegex();

    [GeneratedRegex(@"来源\s*[:：].{0,60}?(?:文字版|QQ空间|文件下载)(?:\s*(?:全真版|文字版|文件下载))*")]
    private static partial Regex SourceLineRegex();

    [GeneratedRegex(@"\s附件下载\s*$")]
    private static partial Regex AttachmentRegex();

    [GeneratedRegex(@"^标题\s*[:：]\s*(\S.*)$")]
    private static partial Regex CrawlerTitleRegex();

    /// <summary>True for plain text that holds no table grid: the only kind whose tables may be fused.</summary>
    public static bool Applies(DocumentBlocks doc) => doc.Format == SourceFormat.Text && !doc.Blocks.Any(b => b is TableBlock);

    /// <summary>Blanks Word comments and portal chrome with spaces (same length); the same instance when clean.</summary>
    public static string Clean(string text)
    {
        char[]? chars = null;
        Blank(CommentRegex(), text, ref chars);
        Blank(BreadcrumbRegex(), text, ref chars);
        Blank(SourceLineRegex(), text, ref chars);
        Blank(AttachmentRegex(), text, ref chars);
        return chars is null ? text : new string(chars);
    }

    private static void Blank(Regex regex, string text, ref char[]? chars)
    {
        foreach (Match m in regex.Matches(text))
        {
            chars ??= text.ToCharArray();
            for (int i = m.Index; i < m.Index + m.Length; i++) chars[i] = ' ';
        }
    }

    /// <summary>
    /// The offset where the crawler's <c>标题: …</c> header line's title begins, or -1. Only the first lines of a
    /// document are crawler headers.
    /// </summary>
    public static int CrawlerTitleStart(string text, int paragraphIndex)
    {
        if (paragraphIndex >= 10) return -1;
        var m = CrawlerTitleRegex().Match(text);
        return m.Success ? m.Groups[1].Index : -1;
    }

    /// <summary>Adds the trimmed text w[start..end) as a paragraph placed at its own column; nothing when blank.</summary>
    public static void AddText(List<Block> blocks, string w, int start, int end, SourceLocation at)
    {
        while (start < end && TextUtil.IsSpace(w[start])) start++;
        while (end > start && TextUtil.IsSpace(w[end - 1])) end--;
        if (end <= start) return;
        blocks.Add(new ParagraphBlock(w[start..end], new SourceLocation(at.Line, at.Column + start)));
    }
}
