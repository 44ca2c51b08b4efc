using System.Text;

namespace ReportParser.Reporting;

/// <summary>The table of every file (agency, year, template, format, status, errors, warnings, rule breaks), each row linking to its detail when the page holds it.</summary>
internal static class FilesTable
{
    /// <summary>The folder every file name starts with (up to and with its last <c>/</c>), shown once above the table; empty when there is none.</summary>
    public static string CommonFolder(IReadOnlyList<FileEntry> files)
    {
        if (files.Count == 0) return "";
        var first = files[0].File;
        int n = first.Length;
        foreach (var f in files)
        {
            n = Math.Min(n, f.File.Length);
            for (int i = 0; i < n; i++)
            {
                if (f.File[i] != first[i])
                {
                    n = i;
                    break;
                }
            }
        }
        int slash = first.LastIndexOfAny(['/', '\\'], Math.Max(0, n - 1));
        return n > 0 && slash >= 0 ? first[..(slash + 1)] : "";
    }

    /// <summary>Writes the table; <paramref name="detailed"/> null links every row (to measure the largest the table can be).</summary>
    public static void Write(StringBuilder sb, ExportData data, ISet<string>? detailed)
    {
        var breaks = data.Diagnostics.Where(d => d.IsRuleBreak).GroupBy(d => d.File).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var prefix = CommonFolder(data.Files);
        sb.Append("<section id=\"files-section\">\n<h2>Files and reports</h2>\n");
        if (prefix.Length > 0) sb.Append("<p class=\"muted\">Files under <span class=\"code\" id=\"files-prefix\">").Append(Html.Encode(prefix)).Append("</span></p>\n");
        sb.Append("<div class=\"filters\"><input type=\"search\" id=\"q\" placeholder=\"Filter: agency, file, year, code…\" aria-label=\"filter\">");
        sb.Append("<select id=\"status\" aria-label=\"status\"><option value=\"\">every status</option>");
        foreach (var s in ReportStatusText.All) sb.Append("<option>").Append(s).Append("</option>");
        sb.Append("</select><label><input type=\"checkbox\" id=\"breaks\"> only with rule breaks</label><span class=\"muted\"><span id=\"shown\">")
            .Append(Html.N(data.Files.Count)).Append("</span> of ").Append(Html.N(data.Files.Count)).Append(" shown · click a heading to sort</span></div>\n");
        sb.Append("<div class=\"panel\"><table class=\"files\" id=\"files\"><thead><tr><th class=\"num\">#</th><th>file</th><th>agency</th><th class=\"num\">year</th><th>template</th><th>format</th><th>status</th>")
            .Append("<th class=\"num\">errors</th><th class=\"num\">warnings</th><th class=\"num\">rule breaks</th></tr></thead><tbody>\n");
        foreach (var f in data.Files)
        {
            // Compact rows (no closing tags, styles by column in the style sheet): a batch of 10,000 files stays near 170 bytes a row.
            data.Reports.TryGetValue(f.File, out var r);
            var file = Html.Encode(f.File[prefix.Length..]);
            sb.Append("<tr data-s=\"").Append(Html.Encode(f.Status)).Append("\"><td>").Append(f.Number).Append("<td>");
            if (detailed is null || detailed.Contains(f.File)) sb.Append("<a href=#d").Append(f.Number).Append('>').Append(file).Append("</a>");
            else sb.Append(file);
            sb.Append("<td>").Append(Html.Encode(r?.Agency)).Append("<td>").Append(r?.Year).Append("<td>").Append(Html.Encode(r?.Template))
                .Append("<td>").Append(Html.Encode(f.Format)).Append("<td>").Append(Html.Encode(f.Status))
                .Append("<td>").Append(f.Errors).Append("<td>").Append(f.Warnings).Append("<td>").Append(breaks.GetValueOrDefault(f.File)).Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n</section>\n");
    }
}
