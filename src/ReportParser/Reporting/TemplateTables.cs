using System.Text;
using ReportParser.Template;

namespace ReportParser.Reporting;

/// <summary>Tables 二, 三 and 四 laid out as the national templates print them, labels from <see cref="TemplateSchema"/>.</summary>
internal static class TemplateTables
{
    /// <summary>Table 二: one block per 第二十条 item, each with its own column headings.</summary>
    public static void Proactive(StringBuilder sb, TableDefinition table, CellWriter w)
    {
        if (!table.CellKeys.Any(w.Has)) return;
        int width = table.Rows.Max(r => r.Columns.Count);
        sb.Append("<h3>二、主动公开政府信息情况</h3>\n<table class=\"tpl\" data-table=\"").Append(table.Key).Append("\"><tbody>\n");
        foreach (var block in table.Rows.GroupBy(r => r.Block))
        {
            var columns = block.First().Columns;
            sb.Append("<tr><th class=\"blk\" colspan=\"").Append(width + 1).Append("\">第二十条第（").Append(Html.Encode(block.Key)).Append("）项</th></tr>\n<tr><th class=\"lab\">信息内容</th>");
            foreach (var c in columns) sb.Append("<th>").Append(Html.Encode(c.Label)).Append("</th>");
            Pad(sb, width - columns.Count, "th");
            sb.Append("</tr>\n");
            foreach (var row in block)
            {
                sb.Append("<tr><th class=\"lab\">").Append(Html.Encode(row.Label)).Append("</th>");
                foreach (var c in row.Columns) w.Cell($"{table.Key}.{row.Key}.{c.Key}");
                Pad(sb, width - row.Columns.Count, "td");
                sb.Append("</tr>\n");
            }
        }
        sb.Append("</tbody></table>\n");
    }

    private static void Pad(StringBuilder sb, int n, string tag)
    {
        if (n > 0) sb.Append('<').Append(tag).Append(" colspan=\"").Append(n).Append("\"></").Append(tag).Append('>');
    }

    private static readonly HashSet<string> TopRows = new(StringComparer.Ordinal) { "NewRequests", "CarriedOver", "CarriedForward" };

    /// <summary>Table 三: the applicant columns under 申请人情况, the outcome rows under 三、本年度办理结果, grouped rows under their group label.</summary>
    public static void Requests(StringBuilder sb, TableDefinition table, CellWriter w)
    {
        if (!table.CellKeys.Any(w.Has)) return;
        var cols = TemplateSchema.RequestColumns;
        sb.Append("<h3>三、收到和处理政府信息公开申请情况</h3>\n<table class=\"tpl\" data-table=\"").Append(table.Key).Append("\"><thead>\n")
            .Append("<tr><th colspan=\"3\" rowspan=\"3\" class=\"lab\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan=\"7\">申请人情况</th></tr>\n")
            .Append("<tr><th rowspan=\"2\">").Append(cols[0].Label).Append("</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">").Append(cols[6].Label).Append("</th></tr>\n<tr>");
        for (int i = 1; i < 6; i++) sb.Append("<th>").Append(cols[i].Label).Append("</th>");
        sb.Append("</tr>\n</thead><tbody>\n");
        var outcomes = table.Rows.Where(r => !TopRows.Contains(r.Key)).ToList();
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            if (TopRows.Contains(row.Key)) Label(sb, 3, 1, CellMarks.NumberText(row.Number) + row.Label);
            else OutcomeLabels(sb, row, outcomes);
            foreach (var c in row.Columns) w.Cell($"{table.Key}.{row.Key}.{c.Key}");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    private static void OutcomeLabels(StringBuilder sb, RowDefinition row, List<RowDefinition> outcomes)
    {
        int at = outcomes.IndexOf(row);
        if (at == 0) Label(sb, 1, outcomes.Count, "三、本年度办理结果");
        if (row.Group is not { } group)
        {
            Label(sb, 2, 1, CellMarks.NumberText(row.Number) + row.Label);
            return;
        }
        if (at == 0 || outcomes[at - 1].Group != group)
        {
            var number = TemplateSchema.RequestGroups.FirstOrDefault(g => g.Label == group).Number;
            Label(sb, 1, outcomes.Skip(at).TakeWhile(r => r.Group == group).Count(), number + group);
        }
        Label(sb, 1, 1, CellMarks.NumberText(row.Number) + row.Label);
    }

    private static void Label(StringBuilder sb, int colspan, int rowspan, string text)
    {
        sb.Append("<th class=\"lab\"");
        if (colspan > 1) sb.Append(" colspan=\"").Append(colspan).Append('"');
        if (rowspan > 1) sb.Append(" rowspan=\"").Append(rowspan).Append('"');
        sb.Append('>').Append(Html.Encode(text)).Append("</th>");
    }

    /// <summary>Table 四: 行政复议 and the two 行政诉讼 groups, five outcomes each, one row of values.</summary>
    public static void Review(StringBuilder sb, CellWriter w)
    {
        var table = TemplateSchema.Review;
        if (!table.CellKeys.Any(w.Has)) return;
        var outcomes = TemplateSchema.OutcomeLabels;
        sb.Append("<h3>四、政府信息公开行政复议、行政诉讼情况</h3>\n<table class=\"tpl\" data-table=\"").Append(table.Key).Append("\"><thead>\n")
            .Append("<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>\n<tr>");
        foreach (var o in outcomes) sb.Append("<th rowspan=\"2\">").Append(o).Append("</th>");
        sb.Append("<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>\n<tr>");
        for (int g = 0; g < 2; g++)
        {
            foreach (var o in outcomes) sb.Append("<th>").Append(o).Append("</th>");
        }
        sb.Append("</tr>\n</thead><tbody>\n<tr>");
        foreach (var c in table.Rows[0].Columns) w.Cell($"{table.Key}.Cases.{c.Key}");
        sb.Append("</tr>\n</tbody></table>\n");
    }
}
