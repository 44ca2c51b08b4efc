using System.Text;
using ReportParser.Text;

namespace ReportParser.Input.Html;

/// <summary>
/// White-space rules for text taken from markup. Source formatting (line breaks, indentation, &amp;nbsp;
/// padding, ideographic spaces) carries no meaning next to Chinese text, so a run of white space collapses
/// to one space between two narrow (ASCII) characters and vanishes next to a wide one.
/// </summary>
internal static class HtmlText
{
    /// <summary>True for characters that need no space beside them: ideographs, CJK punctuation, full-width forms.</summary>
    public static bool IsWide(char c) => c >= '\u2E80' && !TextUtil.IsSpace(c);

    /// <summary>Collapses and trims white space as described on the type.</summary>
    public static string Normalize(ReadOnlySpan<char> raw)
    {
        var sb = new StringBuilder(raw.Length);
        bool pendingSpace = false;
        foreach (var c0 in raw)
        {
            var c = c0;
            if (TextUtil.IsSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (c == '\u00AD') continue; // soft hyphen
            if (pendingSpace)
            {
                if (!IsWide(sb[^1]) && !IsWide(c)) sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Joins the pieces of a cell that block elements (p, div, br) split: nothing between them, except a
    /// space between two letters or digits ('申请人情'+'况' → '申请人情况', '12'+'34' → '12 34').
    /// </summary>
    public static string JoinPieces(IReadOnlyList<string> pieces)
    {
        var sb = new StringBuilder();
        foreach (var p in pieces)
        {
            if (p.Length == 0) continue;
            if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(p[0])) sb.Append(' ');
            sb.Append(p);
        }
        return sb.ToString();
    }
}
