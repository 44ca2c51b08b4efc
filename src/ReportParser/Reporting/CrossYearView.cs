using System.Globalization;
using System.Text;

namespace ReportParser.Reporting;

/// <summary>Each agency with reports of two or more years, its reports side by side by year; a carry-over break (<c>CrossYear.CarryOver</c>) is marked on both years' cells.</summary>
internal static class CrossYearView
{
    private const string CarryOverCode = "RP4006";

    public static void Write(StringBuilder sb, ExportData data, long budget)
    {
        var numbers = data.Files.ToDictionary(f => f.File, f => f, StringComparer.Ordinal);
        var agencies = data.Reports.Values
            .Where(r => r.Year is not null && Normalize(r.Agency) is not null && numbers.ContainsKey(r.File))
            .GroupBy(r => Normalize(r.Agency)!, StringComparer.Ordinal)
            .Select(g => g.GroupBy(r => r.Year!.Value).OrderBy(y => y.Key).Select(y => y.OrderBy(r => numbers[r.File].Number).First()).ToList())
            .Where(years => years.Count >= 2)
            .Select(years => (Years: years, Breaks: years.Count(r => data.DiagnosticsOf(r.File).Any(d => d.Code == CarryOverCode))))
            .OrderBy(a => a.Breaks > 0 ? 0 : 1).ThenBy(a => numbers[a.Years[0].File].Number)
            .ToList();
        sb.Append("<section id=\"agencies\">\n<h2>Across years</h2>\n");
        if (agencies.Count == 0)
        {
            sb.Append("<p class=\"muted\">No agency has reports of two or more years in this folder.</p>\n</section>\n");
            return;
        }
        sb.Append("<p class=\"muted\">").Append(Html.N(agencies.Count)).Append(" agencies have reports of two or more years; ")
            .Append(Html.N(agencies.Count(a => a.Breaks > 0))).Append(" of them break <span class=\"code\">CrossYear.CarryOver</span> (二、上年结转 ≠ last year's 四、结转下年度继续办理, marked <span class=\"legend\"><span class=\"sw carry\"></span></span>). Totals of table 三; hover a marked cell for the columns that differ.</p>\n<div class=\"grid2\">\n");
        long start = sb.Length;
        int shown = 0;
        foreach (var (years, _) in agencies)
        {
            if (sb.Length - start > budget / 3) break;
            Agency(sb, data, numbers, years);
            shown++;
        }
        sb.Append("</div>\n");
        if (shown < agencies.Count) sb.Append("<p class=\"muted\">").Append(Html.N(agencies.Count - shown)).Append(" more agencies are not shown, to keep the page small.</p>\n");
        sb.Append("</section>\n");
    }

    private static void Agency(StringBuilder sb, ExportData data, Dictionary<string, FileEntry> numbers, List<ReportEntry> years)
    {
        var breaks = years.Select(r => data.DiagnosticsOf(r.File).FirstOrDefault(d => d.Code == CarryOverCode)).ToList();
        sb.Append("<div class=\"panel agency\"><h3>").Append(Html.Encode(years[0].Agency)).Append("</h3><table class=\"years\"><thead><tr><th></th>");
        for (int i = 0; i < years.Count; i++)
        {
            var f = numbers[years[i].File];
            sb.Append("<th><a href=\"#d").Append(f.Number).Append("\" title=\"").Append(Html.Encode(f.File)).Append("\">")
                .Append(years[i].Year!.Value.ToString(CultureInfo.InvariantCulture)).Append("</a></th>");
        }
        sb.Append("</tr></thead><tbody>");
        Row(sb, "一、本年新收", years.Select(r => (r.NewTotal, (string?)null)).ToList());
        Row(sb, "二、上年结转", years.Select((r, i) => (r.CarriedOver[^1], breaks[i]?.Message)).ToList());
        Row(sb, "（七）总计", years.Select(r => (r.OutcomeTotal, (string?)null)).ToList());
        Row(sb, "四、结转下年度", years.Select((r, i) => (r.CarriedForward[^1], i + 1 < years.Count && years[i + 1].Year == r.Year + 1 ? breaks[i + 1]?.Message : null)).ToList());
        sb.Append("<tr><td class=\"lab\">errors / warnings</td>");
        foreach (var r in years) sb.Append("<td class=\"c\">").Append(numbers[r.File].Errors).Append(" / ").Append(numbers[r.File].Warnings).Append("</td>");
        sb.Append("</tr></tbody></table></div>\n");
    }

    private static void Row(StringBuilder sb, string label, List<(decimal? Value, string? Break)> cells)
    {
        sb.Append("<tr><td class=\"lab\">").Append(label).Append("</td>");
        foreach (var (value, message) in cells)
        {
            sb.Append(message is null ? "<td class=\"c\">" : "<td class=\"c carry\" title=\"" + Html.Encode("RP4006 CrossYear.CarryOver: " + message) + "\">");
            sb.Append(value is decimal v ? v.ToString(CultureInfo.InvariantCulture) : "—").Append("</td>");
        }
        sb.Append("</tr>");
    }

    /// <summary>The agency as the carry-over check compares it: without white space; null when empty.</summary>
    private static string? Normalize(string? agency)
    {
        if (string.IsNullOrWhiteSpace(agency)) return null;
        return new string(agency.Where(ch => !char.IsWhiteSpace(ch)).ToArray());
    }
}
