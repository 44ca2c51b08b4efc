using System.Globalization;
using System.Text;
using ReportParser.Template;

namespace ReportParser.Reporting;

/// <summary>
/// The detail of one file: its metadata, the three tables as the template prints them (Chinese labels from
/// <see cref="TemplateSchema"/>), each cell with its value and its marks, the footnotes of the flagged cells (diagnostic, equation with
/// both sides, source location) and the file's other diagnostics.
/// </summary>
internal static class ReportDetail
{
    private const int MaxOtherDiagnostics = 100;

    private const int MaxMessage = 400;

    public static string Render(ExportData data, FileEntry f)
    {
        var sb = new StringBuilder();
        data.Reports.TryGetValue(f.File, out var report);
        var cellList = data.Cells.GetValueOrDefault(f.File) ?? new List<CellEntry>();
        var marks = CellMarks.For(data, f, cellList);
        sb.Append("<section class=\"detail\" id=\"d").Append(f.Number).Append("\" data-file=\"").Append(Html.Encode(f.File)).Append("\">\n<p class=\"back\"><a href=\"#files-section\">← all files</a></p>\n<h2>");
        sb.Append(Html.Encode(report?.Agency ?? "agency not found")).Append(" · ").Append(report?.Year?.ToString(CultureInfo.InvariantCulture) ?? "year not found").Append("</h2>\n");
        sb.Append("<p class=\"meta\">").Append(Html.Encode(f.File)).Append(" · template ").Append(Html.Encode(report?.Template ?? "—")).Append(" · <span class=\"st st-")
            .Append(Html.Encode(f.Status)).Append("\">").Append(Html.Encode(f.Status)).Append("</span> · ").Append(f.Errors).Append(" errors, ").Append(f.Warnings).Append(" warnings, ")
            .Append(f.Infos).Append(" infos");
        if (f.Reason.Length > 0) sb.Append(" · ").Append(Html.Encode(f.Reason));
        sb.Append("</p>\n");
        if (cellList.Count > 0) Tables(sb, marks, report?.Template);
        Footnotes(sb, marks);
        OtherDiagnostics(sb, data.DiagnosticsOf(f.File), marks);
        return sb.Append("</section>\n").ToString();
    }

    private static void Tables(StringBuilder sb, CellMarks marks, string? template)
    {
        sb.Append("<div class=\"legend\"><span><span class=\"sw brk\"></span>breaks a rule (the total)</span><span><span class=\"sw term\"></span>a cell the broken rule sums</span>")
            .Append("<span><span class=\"sw fused\"></span>split by arithmetic from a fused run</span><span><span class=\"sw carry\"></span>differs from last year's carried forward</span>")
            .Append("<span><span class=\"sw ocr\"></span>corrected by OCR rules</span><span><span class=\"sw ns\"></span>not stated</span><span class=\"muted\">hover a cell for its source and diagnostics; <sup>n</sup> is a footnote below</span></div>\n");
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var t = template == "2019" ? ReportTemplate.V2019 : ReportTemplate.V2021;
        var w = new CellWriter(sb, marks, placed);
        TemplateTables.Proactive(sb, TemplateSchema.ProactiveFor(t), w);
        TemplateTables.Requests(sb, TemplateSchema.RequestsFor(t), w);
        TemplateTables.Review(sb, w);
        var rest = marks.Cells.Keys.Where(k => !placed.Contains(k)).ToList();
        if (rest.Count == 0) return;
        sb.Append("<h3>Other cells</h3><table class=\"tpl\"><tbody>");
        foreach (var key in rest)
        {
            var (row, column) = CellMarks.Labels(key);
            sb.Append("<tr><th class=\"lab\">").Append(Html.Encode($"{row} {column}".Trim())).Append("</th>");
            w.Cell(key);
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>\n");
    }

    private static void Footnotes(StringBuilder sb, CellMarks marks)
    {
        if (marks.Notes.Count == 0) return;
        sb.Append("<h3>Flagged cells</h3>\n<ol class=\"notes\">\n");
        foreach (var n in marks.Notes)
        {
            var d = n.Diagnostic;
            sb.Append("<li value=\"").Append(n.Number).Append("\" data-code=\"").Append(Html.Encode(d.Code)).Append("\"><span class=\"sev-").Append(Html.Encode(d.Severity)).Append("\">")
                .Append(Html.Encode(d.Severity)).Append("</span> <span class=\"code\">").Append(Html.Encode(d.Code)).Append("</span> ").Append(Html.Encode(d.Rule.Length > 0 ? d.Rule : QualityPage.Describe(d.Code)))
                .Append(" · <span class=\"muted\">").Append(Html.Encode(d.Location.Length > 0 ? d.Location : "no location")).Append("</span><br>").Append(Html.Encode(d.Message));
            if (n.Equation is { } eq) DrawEquation(sb, eq, n.Sums, marks);
            sb.Append("</li>\n");
        }
        sb.Append("</ol>\n");
    }

    /// <summary>The rule as the cells it sums: each term a box with its label and value, both sums, and the total.</summary>
    private static void DrawEquation(StringBuilder sb, Equation eq, (decimal Left, decimal Right) sums, CellMarks marks)
    {
        var keys = eq.Keys.ToList();
        var labels = keys.Select(CellMarks.Labels).ToList();
        bool sameRow = labels.All(l => l.Row == labels[0].Row), sameColumn = labels.All(l => l.Column == labels[0].Column);
        string Label(string key)
        {
            var (row, column) = CellMarks.Labels(key);
            return sameRow ? column : sameColumn ? row : $"{row} {column}";
        }
        void Side(IReadOnlyList<string> side, bool total)
        {
            for (int i = 0; i < side.Count; i++)
            {
                if (i > 0) sb.Append("<span class=\"op\">+</span>");
                var value = marks.Cells.TryGetValue(side[i], out var c) ? c.ValueText : "";
                sb.Append("<span class=\"t").Append(total ? " tot" : "").Append("\" title=\"").Append(Html.Encode(side[i])).Append("\">").Append(Html.Encode(Label(side[i])))
                    .Append(" <b>").Append(Html.Encode(value)).Append("</b></span>");
            }
        }
        sb.Append("<div class=\"eq\" data-rule=\"").Append(Html.Encode(eq.Rule)).Append("\">");
        if (sameColumn && !sameRow) sb.Append("<span class=\"muted\">").Append(Html.Encode(labels[0].Column)).Append(":</span>");
        Side(eq.Left, false);
        sb.Append("<span class=\"op\">=</span><span class=\"res\">").Append(CellMarks.Format(sums.Left)).Append("</span><span class=\"op\">≠</span><span class=\"res\">")
            .Append(CellMarks.Format(sums.Right)).Append("</span><span class=\"op\">=</span>");
        Side(eq.Right, true);
        sb.Append("</div>");
    }

    /// <summary>A long message cut for the page (diagnostics.csv has it whole).</summary>
    private static string Cut(string message) => message.Length <= MaxMessage ? message : message[..MaxMessage] + " … (whole in diagnostics.csv)";

    private static void OtherDiagnostics(StringBuilder sb, IReadOnlyList<DiagnosticEntry> diags, CellMarks marks)
    {
        var noted = marks.Notes.Select(n => n.Diagnostic).ToHashSet();
        var rest = diags.Where(d => !noted.Contains(d)).ToList();
        if (rest.Count == 0) return;
        sb.Append("<h3>Other diagnostics</h3>\n<table class=\"diag\"><thead><tr><th>severity</th><th>code</th><th>where</th><th>message</th></tr></thead><tbody>\n");
        foreach (var d in rest.Take(MaxOtherDiagnostics))
        {
            sb.Append("<tr><td class=\"sev-").Append(Html.Encode(d.Severity)).Append("\">").Append(Html.Encode(d.Severity)).Append("</td><td><span class=\"code\">").Append(Html.Encode(d.Code))
                .Append("</span> ").Append(Html.Encode(d.Rule.Length > 0 ? d.Rule : QualityPage.Describe(d.Code))).Append("</td><td>").Append(Html.Encode(d.Location)).Append("</td><td>")
                .Append(Html.Encode(Cut(d.Message))).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n");
        if (rest.Count > MaxOtherDiagnostics) sb.Append("<p class=\"muted\">").Append(Html.N(rest.Count - MaxOtherDiagnostics)).Append(" more in diagnostics.csv.</p>\n");
    }
}

/// <summary>Writes one template cell: its value (or what was printed when not stated), its marks as classes, its source and notes as a tooltip.</summary>
internal sealed class CellWriter(StringBuilder sb, CellMarks marks, HashSet<string> placed)
{
    public bool Has(string key) => marks.Cells.ContainsKey(key);

    public void Cell(string key)
    {
        placed.Add(key);
        if (!marks.Cells.TryGetValue(key, out var c))
        {
            sb.Append("<td class=\"c absent\"></td>");
            return;
        }
        var marked = marks.ClassesOf(key).ToList();
        var notes = marks.NotesOf(key).OrderBy(n => n.Number).ToList();
        var where = Where(c);
        var shown = Html.Encode(c.ValueText.Length > 0 ? c.ValueText : c.Raw);
        if (marked.Count == 0)
        {
            // An unflagged cell carries only its source location, to keep the page small.
            sb.Append(where.Length > 0 ? "<td class=\"c\" title=\"" + where + "\">" : "<td class=\"c\">").Append(shown).Append("</td>");
            return;
        }
        // A term of a broken sum only names its rule: the total's tooltip and the footnote tell the rest.
        var title = marked is [CellMarks.Term] ? TermTitle(where, notes) : FullTitle(key, c, where, notes);
        sb.Append("<td class=\"c ").Append(string.Join(" ", marked)).Append("\" data-key=\"").Append(Html.Encode(key)).Append("\" title=\"").Append(Html.Encode(title)).Append("\">")
            .Append(shown);
        foreach (var n in notes) sb.Append("<sup>").Append(n.Number).Append("</sup>");
        sb.Append("</td>");
    }

    private static string Where(CellEntry c)
    {
        var where = new List<string>();
        if (c.Page is int p) where.Add($"page {p.ToString(CultureInfo.InvariantCulture)}");
        if (c.Line is int l) where.Add($"line {l.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(", ", where);
    }

    private static string TermTitle(string where, List<Note> notes)
    {
        var title = new StringBuilder(where);
        foreach (var n in notes) title.Append("\n[").Append(n.Number).Append("] ").Append(n.Diagnostic.Rule).Append(": a term of the broken sum");
        return title.ToString().Trim();
    }

    private string FullTitle(string key, CellEntry c, string where, List<Note> notes)
    {
        var (row, column) = CellMarks.Labels(key);
        var title = new StringBuilder().Append(row).Append(" · ").Append(column).Append('\n').Append(key).Append(" = ").Append(c.ValueText.Length > 0 ? c.ValueText : "not stated");
        if (c.Raw.Length > 0 && c.Raw != c.ValueText) title.Append(" (printed '").Append(c.Raw).Append("')");
        if (where.Length > 0) title.Append('\n').Append(where);
        if (c.Method.Length > 0) title.Append("\nmethod: ").Append(c.Method);
        foreach (var n in notes)
        {
            title.Append("\n[").Append(n.Number).Append("] ").Append(n.Diagnostic.Code).Append(' ').Append(n.Diagnostic.Rule);
            title.Append(marks.IsTermOnly(key, n) ? ": a term of the broken sum (footnote " + n.Number.ToString(CultureInfo.InvariantCulture) + ")" : ": " + n.Diagnostic.Message);
        }
        return title.ToString();
    }
}
