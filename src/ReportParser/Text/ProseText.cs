namespace ReportParser.Text;

/// <summary>The running text of a section without its table text, split into sentences (for the quality and repetition checks).</summary>
internal static class ProseText
{
    /// <summary>A section's running text without lines that are table text (fused rows, long digit runs).</summary>
    public static string Prose(ReportSection s)
        => string.Join('\n', s.Paragraphs.Where(p => !IsTableText(p)));

    /// <summary>A paragraph that is table text: a 第二十条 block label, a Markdown pipe row, or six digits in a row.</summary>
    public static bool IsTableText(string p)
    {
        if (p.Contains("第二十条第", StringComparison.Ordinal) || p.StartsWith('|')) return true;
        int run = 0;
        foreach (char c in p)
        {
            run = c is >= '0' and <= '9' ? run + 1 : 0;
            if (run >= 6) return true;
        }
        return false;
    }

    /// <summary>The sentences of a text (split at 。；！？ and line ends), trimmed.</summary>
    public static IEnumerable<string> Sentences(string text)
        => text.Split(new[] { '。', '；', ';', '！', '？', '\n' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The number of Chinese characters (CJK unified ideographs) of a text.</summary>
    public static int Han(string s) => s.Count(c => c is >= '\u4E00' and <= '\u9FFF');
}
