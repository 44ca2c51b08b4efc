using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace ReportParser.Reporting;

/// <summary>
/// Builds <c>report.html</c> from the tables of an export folder: the overview (counts and inline SVG charts), the files
/// table, the cross-year view per agency and one detail per report, as long as the page stays within its size budget.
/// The page is one self-contained file (inline style and script, no external resource) and is the same for the same tables,
/// wherever the folder is (it names no folder but the one the files share).
/// </summary>
internal static class QualityPage
{
    /// <summary>The default size budget: report details are added, rule breaks and errors first, while the page stays under it.</summary>
    public const long DefaultMaxBytes = 4_800_000;

    /// <summary>Roughly the smallest size of a report's detail, to bound how many reports' cells are kept in memory.</summary>
    private const int SmallestDetail = 4_000;

    /// <summary>Reads the tables through <paramref name="open"/> and returns the page.</summary>
    /// <exception cref="InvalidDataException">A table is missing or lacks a column.</exception>
    public static string Build(TableOpener open, long maxBytes = DefaultMaxBytes)
    {
        List<FileEntry>? order = null;
        var data = ExportData.Load(open, d =>
        {
            order = DetailOrder(d);
            long candidates = Math.Max(50, maxBytes / SmallestDetail);
            return order.Take((int)Math.Min(candidates, int.MaxValue)).Select(f => f.File).ToHashSet(StringComparer.Ordinal);
        });
        return Render(data, order!, maxBytes);
    }

    /// <summary>The order in which reports get a detail: rule breaks, then errors, then warnings, then the rest, each in input order.</summary>
    private static List<FileEntry> DetailOrder(ExportData d)
    {
        int Rank(FileEntry f)
        {
            var diags = d.DiagnosticsOf(f.File);
            if (diags.Any(x => x.IsRuleBreak)) return 0;
            if (f.Errors > 0 || f.Status is "unreadable" or "parsed-with-errors") return 1;
            return f.Warnings > 0 ? 2 : 3;
        }
        return d.Files.OrderBy(Rank).ThenBy(f => f.Number).ToList();
    }

    private static string Render(ExportData data, List<FileEntry> order, long maxBytes)
    {
        var head = new StringBuilder();
        var version = typeof(QualityPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0) version = version[..plus];
        head.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        head.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        head.Append("<title>ReportParser quality report</title>\n<style>\n").Append(PageAssets.Css).Append("\n</style>\n</head>\n<body>\n");
        head.Append("<header class=\"top\"><h1>ReportParser quality report</h1>");
        head.Append("<p>").Append(Html.N(data.Files.Count)).Append(" files, ").Append(Html.N(data.Reports.Count)).Append(" reports, ")
            .Append(Html.N(data.Diagnostics.Count)).Append(" diagnostics, read from the tables of this folder by reportparser ").Append(Html.Encode(version)).Append("</p></header>\n");
        head.Append("<nav class=\"top\"><a href=\"#overview\">Overview</a><a href=\"#files-section\">Files and reports</a><a href=\"#agencies\">Across years</a></nav>\n<main>\n");

        var body = new StringBuilder();
        Overview.Write(body, data);
        var detailed = new HashSet<string>(StringComparer.Ordinal);
        var details = new StringBuilder();
        var crossYear = new StringBuilder();
        CrossYearView.Write(crossYear, data, maxBytes / 8);
        var files = new StringBuilder();
        FilesTable.Write(files, data, null);
        long fixedBytes = Bytes(head) + Bytes(body) + Bytes(crossYear) + Bytes(files) + 2_000;
        long budget = maxBytes - fixedBytes;
        foreach (var f in order)
        {
            if (f.Status is "parsed" or "parsed-with-errors" && !data.Cells.ContainsKey(f.File) && f.Cells > 0) break;
            var detail = ReportDetail.Render(data, f);
            long size = Encoding.UTF8.GetByteCount(detail);
            if (size > budget) break;
            budget -= size;
            detailed.Add(f.File);
            details.Append(detail);
        }
        files.Clear();
        FilesTable.Write(files, data, detailed);
        var page = head.Append(body).Append(files).Append(crossYear);
        page.Append(detailed.Count < data.Files.Count
            ? $"<section class=\"note\" id=\"details-note\">The page holds the detail of {Html.N(detailed.Count)} of {Html.N(data.Files.Count)} files (rule breaks first, then errors, then warnings, each in input order) to stay under {Html.N(maxBytes / 1_000_000)} MB; run <span class=\"code\">reportparser report DIR --max-size MB</span> for more.</section>\n"
            : "");
        return page.Append(details).Append("</main>\n<script>\n").Append(PageAssets.Script).Append("\n</script>\n</body>\n</html>\n").ToString();
    }

    private static long Bytes(StringBuilder sb) => Encoding.UTF8.GetByteCount(sb.ToString());

    /// <summary>The description of a printed code (<c>RP4001</c>), or empty for a code this version does not know.</summary>
    public static string Describe(string code)
    {
        if (code.Length <= 2 || !int.TryParse(code.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || !Enum.IsDefined(typeof(DiagnosticCode), n)) return "";
        var name = ((DiagnosticCode)n).ToString();
        return typeof(DiagnosticCode).GetField(name)?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? name;
    }
}
