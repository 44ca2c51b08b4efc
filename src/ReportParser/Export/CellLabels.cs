using ReportParser.Template;

namespace ReportParser.Export;

/// <summary>
/// The Chinese labels and the unit of each cell key, from the template definition: the row label with its group
/// (不予公开 属于国家秘密), the column label with its group (行政诉讼 复议后起诉 结果纠正), and 件 for counts, 万元 for the 2021
/// fee amount, "as printed (元 or 万元)" for the 2019 procurement amount. Shared by the codebook and the cells table.
/// </summary>
public static class CellLabels
{
    private static readonly Dictionary<string, string> ColumnGroups = new(StringComparer.Ordinal)
    {
        ["Review"] = "行政复议",
        ["Litigation.Direct"] = "行政诉讼 未经复议直接起诉",
        ["Litigation.AfterReview"] = "行政诉讼 复议后起诉",
    };

    private static readonly (string Row, string Column, string Unit)[] ByIndex = ReportCellKeys.All.Select(k => Of(TemplateSchema.Cell(k))).ToArray();

    /// <summary>The joined labels by key index, built once: cells.csv asks for one per cell row.</summary>
    private static readonly string[] Labels = ByIndex.Select(l => Join(l.Row, l.Column)).ToArray();

    /// <summary>The row label, column label and unit of a cell definition.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="cell"/> is null.</exception>
    public static (string Row, string Column, string Unit) Of(CellDefinition cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var row = cell.Row.Group is { } g ? $"{g} {cell.Row.Label}" : cell.Row.Label;
        var column = cell.Column.Label;
        int dot = cell.Column.Key.LastIndexOf('.');
        if (dot > 0 && ColumnGroups.TryGetValue(cell.Column.Key[..dot], out var group)) column = $"{group} {column}";
        return (row, column, Unit(cell));
    }

    private static string Unit(CellDefinition cell) => cell.Column.Key switch
    {
        "AmountTenThousandYuan" => "万元",
        "AmountYuan" => "as printed (元 or 万元)",
        _ => "件",
    };

    /// <summary>The labels and unit of <c>table.row.column</c>, or null when no template has the key.</summary>
    public static (string Row, string Column, string Unit)? Of(string table, string row, string column)
    {
        int i = ReportCellKeys.IndexOf(table, row, column);
        return i < 0 ? null : ByIndex[i];
    }

    /// <summary>The label of the <c>cells</c> table: <c>row label / column label</c> (予以公开 / 总计; table 四, which has one unnamed row: the column label), or null for a key no template has.</summary>
    public static string? Label(string table, string row, string column)
    {
        int i = ReportCellKeys.IndexOf(table, row, column);
        return i < 0 ? null : Labels[i];
    }

    /// <summary><c>row / column</c>, or the column alone when the row has no label.</summary>
    public static string Join(string row, string column) => row.Length == 0 ? column : row + " / " + column;
}
