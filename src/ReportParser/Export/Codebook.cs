using System.Text;
using ReportParser.Template;

namespace ReportParser.Export;

/// <summary>One column of an export table, as the codebook describes it.</summary>
/// <param name="Table">The export table (<c>files</c>, <c>cells</c>, <c>reports</c>, <c>diagnostics</c>).</param>
/// <param name="Column">The column name (the <c>Table.Row.Column</c> key for a cell column of <c>reports</c>).</param>
/// <param name="ShortName">The name written with <c>--names short</c> (<see cref="ShortNames"/>); the column name for the other columns.</param>
/// <param name="Type">The column type.</param>
/// <param name="Unit">件 for counts, 万元 or as printed for amounts; empty for the other columns.</param>
/// <param name="Templates"><c>2019</c>, <c>2021</c> or <c>both</c> for a cell column; empty otherwise.</param>
/// <param name="RowLabel">The template's Chinese row label (with its group, as 不予公开 属于国家秘密).</param>
/// <param name="ColumnLabel">The template's Chinese column label.</param>
/// <param name="Crosswalk">Whether and how the value compares between the 2019 and 2021 templates.</param>
public sealed record CodebookEntry(string Table, string Column, string ShortName, ColumnType Type, string Unit, string Templates,
    string RowLabel, string ColumnLabel, string Crosswalk);

/// <summary>
/// The codebook of an export, generated from the template definition (<see cref="TemplateSchema"/>) and the tables'
/// schemas (<see cref="ExportTables"/>): every column of every table, with its short name, type, unit, templates, Chinese
/// labels and the 2019↔2021 crosswalk. Written as <c>codebook.csv</c> beside the tables and as <c>docs/codebook.md</c>.
/// </summary>
public static class Codebook
{
    /// <summary>The columns of <c>codebook.csv</c>: <c>table,column,short_name,type,unit,templates,row_label,column_label,crosswalk</c>.</summary>
    public static RowSchema<CodebookEntry> Schema { get; } = new RowSchema<CodebookEntry>("codebook")
        .Map("table", e => e.Table)
        .Map("column", e => e.Column)
        .Map("short_name", e => e.ShortName)
        .Map("type", e => e.Type.ToText())
        .Map("unit", e => e.Unit)
        .Map("templates", e => e.Templates)
        .Map("row_label", e => e.RowLabel)
        .Map("column_label", e => e.ColumnLabel)
        .Map("crosswalk", e => e.Crosswalk);

    /// <summary>Every column of every export table, in table and column order.</summary>
    public static IReadOnlyList<CodebookEntry> Entries { get; } = Build();

    private static List<CodebookEntry> Build()
    {
        var entries = new List<CodebookEntry>();
        foreach (var table in ExportTables.Written)
        {
            for (int i = 0; i < table.Columns.Count; i++)
            {
                var name = table.Columns[i];
                entries.Add(ReferenceEquals(table, WideReportRow.Schema) && TemplateSchema.TryGetCell(name, out var cell)
                    ? CellEntry(cell)
                    : new CodebookEntry(table.Name, name, name, table.Types[i], "", "", "", "", ""));
            }
        }
        return entries;
    }

    private static CodebookEntry CellEntry(CellDefinition cell)
    {
        var templates = cell.Templates.Count > 1 ? "both" : cell.Templates[0].ToKey();
        var (row, column, unit) = CellLabels.Of(cell);
        return new CodebookEntry(WideReportRow.Schema.Name, cell.Key, ShortNames.Of(cell.Key), ColumnTypes.Of(cell.Column.Kind), unit, templates,
            row, column, Crosswalk(cell, templates));
    }

    private static string Crosswalk(CellDefinition cell, string templates)
    {
        var table = cell.Table.Key;
        var row = cell.Row.Key;
        if (table == TemplateSchema.Requests && row == "Other")
            return "2019 single row （六）其他处理 (a 2021 report printing the single row is kept here, with a warning); compares with the sum of the 2021 Requests.Other.* rows, same column";
        if (table == TemplateSchema.Requests && row.StartsWith("Other.", StringComparison.Ordinal))
            return "2021 only; the sum of Other.NoCorrection, Other.FeeUnpaid and Other.Other compares with the 2019 Requests.Other row, same column";
        if (row == "CentralProcurement") return "2019 only; the 2021 template has no 政府集中采购 block";
        if (row == "Fees")
        {
            return templates == "2021"
                ? "2021 only: money (本年收费金额, 万元); not comparable with the 2019 Fees row, which counts fee items"
                : "2019 only: counts fee items (项目数量); not comparable with the 2021 Fees amount (money, 万元)";
        }
        return templates switch
        {
            "both" => "comparable: same key and meaning in 2019 and 2021",
            "2021" => "2021 only; no 2019 counterpart",
            _ => "2019 only; no 2021 counterpart",
        };
    }

    /// <summary>The codebook as a Markdown document (the text of <c>docs/codebook.md</c>).</summary>
    public static string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Codebook\n\n");
        sb.Append("Generated from the template definition in code (`Codebook.ToMarkdown()`); every export folder holds the same table as `codebook.csv`.\n");
        sb.Append("Types: `int32`, `int64` and `decimal(18,4)` are numbers in JSONL and typed columns in Parquet; `date` is `yyyy-MM-dd`; empty is null (not stated).\n");
        foreach (var group in Entries.GroupBy(e => e.Table))
        {
            sb.Append("\n## ").Append(group.Key).Append("\n\n");
            sb.Append("| column | short name | type | unit | templates | row label | column label | crosswalk |\n");
            sb.Append("|---|---|---|---|---|---|---|---|\n");
            foreach (var e in group)
            {
                sb.Append("| `").Append(e.Column).Append("` | `").Append(e.ShortName).Append("` | ").Append(e.Type.ToText()).Append(" | ").Append(e.Unit)
                    .Append(" | ").Append(e.Templates).Append(" | ").Append(e.RowLabel).Append(" | ").Append(e.ColumnLabel).Append(" | ").Append(e.Crosswalk).Append(" |\n");
            }
        }
        return sb.ToString();
    }
}
