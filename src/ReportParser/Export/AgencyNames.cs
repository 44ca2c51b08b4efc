using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportParser.Export;

/// <summary>
/// The normalised agency name the panel groups reports by, and its stable id (docs/indicators.md, "Panel"):
/// full-width characters read as half-width (NFKC), white space removed, 人民政府 read as 政府, a report title left
/// behind the name (<c>2021年政务信息公开工作年度报告</c>, with 政府 or 政务) and a 发布机构/来源 label removed, ASCII in lower case.
/// </summary>
public static partial class AgencyNames
{
    [GeneratedRegex(@"^(?:发布机构|发文机关|发布单位|信息来源|来源)[:：]")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"(?:(?:19|20)[0-9]{2}年度?)?(?:政府|政务)(?:信息)?公开(?:工作)?(?:年度)?报告.*$")]
    private static partial Regex TitleRegex();

    /// <summary>The normalised name, or null for a null or blank name.</summary>
    public static string? Normalize(string? agency)
    {
        if (string.IsNullOrWhiteSpace(agency)) return null;
        var s = agency.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c != '\u200B' && c != '\uFEFF') sb.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }
        s = LabelRegex().Replace(sb.ToString(), "");
        s = TitleRegex().Replace(s, "");
        s = s.Replace("人民政府", "政府", StringComparison.Ordinal);
        return s.Length == 0 ? null : s;
    }

    /// <summary><c>ag_</c> and the first 12 hex digits of the SHA-256 of the normalised name's UTF-8 bytes; null without a name. Stable across runs and versions while the normalisation is.</summary>
    public static string? Id(string? agency)
    {
        var key = Normalize(agency);
        if (key is null) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "ag_" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }
}
