using System.Text;
using System.Text.RegularExpressions;

namespace ReportParser.Input.Html;

/// <summary>Finds the charset a page declares in its markup, reading the raw bytes as ASCII.</summary>
internal static partial class HtmlCharset
{
    // <meta charset="gbk">, <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    [GeneratedRegex(@"<meta\b[^>]*?\bcharset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetRegex();

    /// <summary>The charset name declared in the first 8 KiB, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        // Latin-1 maps every byte to one char, so ASCII markup survives whatever the real encoding is.
        var text = Encoding.Latin1.GetString(head);
        var m = MetaCharsetRegex().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }
}
