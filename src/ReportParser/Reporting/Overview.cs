using System.Text;

namespace ReportParser.Reporting;

/// <summary>The overview: files by status, reports by year and template, cells stated, the share of reports passing every rule, the top codes and the charts.</summary>
internal static class Overview
{
    public static void Write(StringBuilder sb, ExportData data)
    {
        int reports = data.Reports.Count;
        var breaksByFile = data.Diagnostics.Where(d => d.IsRuleBreak).GroupBy(d => d.File).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int passing = data.Reports.Keys.Count(f => !breaksByFile.ContainsKey(f));
        sb.Append("<section id=\"overview\">\n<h2>Overview</h2>\n<div class=\"cards\">");
        Card(sb, "files", Html.N(data.Files.Count), "files");
        Card(sb, "reports", Html.N(reports), "reports parsed");
        Card(sb, "passing", Html.Percent(passing, reports), $"of reports pass every rule ({Html.N(passing)} of {Html.N(reports)})");
        Card(sb, "cells", Html.N(data.CellsStated), $"cells stated, of {Html.N(data.CellRows)} ({Html.Percent(data.CellsStated, data.CellRows)})");
        Card(sb, "diagnostics", Html.N(data.Diagnostics.Count), "diagnostics");
        Card(sb, "breaks", Html.N(breaksByFile.Values.Sum()), "rule breaks");
        sb.Append("</div>\n<div class=\"grid2\">\n");
        StatusTable(sb, data);
        YearTemplateTable(sb, data);
        sb.Append("</div>\n<div class=\"grid2\">\n");
        Charts(sb, data);
        sb.Append("</div>\n");
        TopCodes(sb, data);
        Indicators(sb, data);
        sb.Append("</section>\n");
    }

    private static void Card(StringBuilder sb, string id, string number, string what)
        => sb.Append("<div class=\"card\" id=\"card-").Append(id).Append("\"><div class=\"n\">").Append(number).Append("</div><div class=\"k\">").Append(Html.Encode(what)).Append("</div></div>");

    private static void StatusTable(StringBuilder sb, ExportData data)
    {
        sb.Append("<div class=\"panel\"><h3>Files by status</h3><table class=\"plain\" id=\"by-status\"><thead><tr><th>status</th><th class=\"num\">files</th><th class=\"num\">share</th></tr></thead><tbody>");
        var counts = data.Files.GroupBy(f => f.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var s in ReportStatusText.All.Concat(counts.Keys.Where(k => !ReportStatusText.All.Contains(k)).Order(StringComparer.Ordinal)))
        {
            int n = counts.GetValueOrDefault(s);
            sb.Append("<tr data-status=\"").Append(Html.Encode(s)).Append("\"><td><span class=\"st st-").Append(Html.Encode(s)).Append("\">").Append(Html.Encode(s))
                .Append("</span></td><td class=\"num\">").Append(Html.N(n)).Append("</td><td class=\"num\">").Append(Html.Percent(n, data.Files.Count)).Append("</td></tr>");
        }
        sb.Append("<tr><th>total</th><th class=\"num\">").Append(Html.N(data.Files.Count)).Append("</th><th></th></tr></tbody></table></div>\n");
    }

    private static void YearTemplateTable(StringBuilder sb, ExportData data)
    {
        var templates = data.Reports.Values.Select(r => r.Template).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        sb.Append("<div class=\"panel\"><h3>Reports by year and template</h3><table class=\"plain\" id=\"by-year\"><thead><tr><th>year</th>");
        foreach (var t in templates) sb.Append("<th class=\"num\">").Append(Html.Encode(t)).Append("</th>");
        sb.Append("<th class=\"num\">total</th></tr></thead><tbody>");
        foreach (var year in data.Reports.Values.GroupBy(r => r.Year).OrderBy(g => g.Key ?? int.MaxValue))
        {
            sb.Append("<tr><td>").Append(year.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "year not found").Append("</td>");
            foreach (var t in templates) sb.Append("<td class=\"num\">").Append(Html.N(year.Count(r => r.Template == t))).Append("</td>");
            sb.Append("<td class=\"num\">").Append(Html.N(year.Count())).Append("</td></tr>");
        }
        sb.Append("</tbody></table></div>\n");
    }

    private static void Charts(StringBuilder sb, ExportData data)
    {
        string Year(int? y) => y?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        var perYear = data.Reports.Values.GroupBy(r => r.Year).OrderBy(g => g.Key ?? int.MaxValue).Select(g => (Year(g.Key), (long)g.Count())).ToList();
        var breaks = data.Diagnostics.Where(d => d.IsRuleBreak).ToList();
        var perRule = breaks.GroupBy(d => d.Rule).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (long)g.Count())).ToList();
        var breakYears = breaks.GroupBy(d => data.Reports.TryGetValue(d.File, out var r) ? r.Year : null).OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => (Year(g.Key), (long)g.Count())).ToList();
        var severities = new[] { "error", "warning", "info" }.Select(s => (s, (long)data.Diagnostics.Count(d => d.Severity == s))).ToList();
        Panel(sb, "chart-years", SvgChart.Vertical("Reports per year", perYear));
        Panel(sb, "chart-rules", SvgChart.Horizontal("Rule breaks per rule", perRule));
        Panel(sb, "chart-break-years", SvgChart.Vertical("Rule breaks per report year", breakYears));
        Panel(sb, "chart-severity", SvgChart.Horizontal("Diagnostics by severity", severities, s => "sev-" + s));
    }

    private static void Panel(StringBuilder sb, string id, string svg) => sb.Append("<div class=\"panel\" id=\"").Append(id).Append("\">").Append(svg).Append("</div>\n");

    private static void TopCodes(StringBuilder sb, ExportData data)
    {
        sb.Append("<div class=\"panel\"><h3>Top diagnostic codes</h3><table class=\"plain\" id=\"top-codes\"><thead><tr><th>code</th><th>meaning</th><th>severity</th><th class=\"num\">diagnostics</th><th class=\"num\">files</th></tr></thead><tbody>");
        foreach (var g in data.Diagnostics.GroupBy(d => d.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(15))
        {
            var severities = string.Join(", ", g.Select(d => d.Severity).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            sb.Append("<tr data-code=\"").Append(Html.Encode(g.Key)).Append("\"><td><span class=\"code\">").Append(Html.Encode(g.Key)).Append("</span></td><td>")
                .Append(Html.Encode(QualityPage.Describe(g.Key))).Append("</td><td>").Append(Html.Encode(severities)).Append("</td><td class=\"num\">")
                .Append(Html.N(g.Count())).Append("</td><td class=\"num\">").Append(Html.N(g.Select(d => d.File).Distinct(StringComparer.Ordinal).Count())).Append("</td></tr>");
        }
        sb.Append("</tbody></table></div>\n");
    }

    private static void Indicators(StringBuilder sb, ExportData data)
    {
        if (data.Indicators is not { Count: > 0 } indicators) return;
        sb.Append("<div class=\"panel\"><h3>Indicators</h3><table class=\"plain\" id=\"indicators\"><thead><tr><th>indicator</th><th class=\"num\">values</th><th class=\"num\">median</th><th class=\"num\">mean</th></tr></thead><tbody>");
        foreach (var (name, values) in indicators)
        {
            var sorted = values.Order().ToList();
            decimal median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            sb.Append("<tr><td>").Append(Html.Encode(name)).Append("</td><td class=\"num\">").Append(Html.N(values.Count)).Append("</td><td class=\"num\">")
                .Append(Format(median)).Append("</td><td class=\"num\">").Append(Format(values.Average())).Append("</td></tr>");
        }
        sb.Append("</tbody></table></div>\n");
    }

    private static string Format(decimal v) => Math.Round(v, 4).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
