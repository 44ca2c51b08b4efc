using System.Text.RegularExpressions;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Template;

namespace ReportParser.Tables;

/// <summary>
/// Reads table 二 (主动公开政府信息情况): a sequence of 第二十条第（X）项 blocks, each with a 信息内容 header
/// row and its data rows. Columns are read in template order; the header is checked, not trusted, so a
/// duplicated header (本年制发件数 twice) is reported and the column still read as the template's.
/// </summary>
internal static partial class ProactiveDisclosureReader
{
    private const string HeaderLabel = "信息内容";

    /// <summary>A 第二十条第（X）项 block label; group 1 is the item's numeral.</summary>
    [GeneratedRegex(@"第二十条第?[(（]?([一二三四五六七八九十]+)[)）]?项")]
    internal static partial Regex BlockRegex();

    public static ReportTable Read(IReadOnlyList<GridRow> rows, ReportTemplate template, SourceLocation span, DiagnosticBag bag)
    {
        var def = TemplateSchema.ProactiveFor(template);
        var builder = new TableBuilder(def, bag);
        string? block = null;
        foreach (var grid in rows)
        {
            var label = RowValues.LabelOf(grid.Cells);
            var compact = TextUtil.Compact(CjkCompat.Normalize(label));
            var bm = BlockRegex().Match(compact);
            if (bm.Success)
            {
                block = bm.Groups[1].Value;
                if (!def.Rows.Any(r => r.Block == block))
                {
                    bag.Warning(DiagnosticCode.UnknownRow, grid.Location, $"block 第二十条第（{block}）项 is not part of the {template.ToKey()} template's table 二", grid.RawText);
                }
                continue;
            }
            int labelEnd = RowValues.LastLabelIndex(grid.Cells);
            bool hasValues = grid.Cells.Skip(labelEnd + 1).Any(c => !c.IsEmpty);
            bool isHeaderLabel = LabelText.Compare(FirstLabel(grid), HeaderLabel).Fit == LabelText.Fit.Exact;
            if (isHeaderLabel && !hasValues)
            {
                CheckHeader(grid, def, block, bag);
                continue;
            }
            if (!hasValues && labelEnd < 0) continue;
            if (!hasValues)
            {
                // A row label with no values at all (its cells were left blank): still the row.
                var lone = Match(label, def);
                if (lone is not null && lone.Block == block && builder.BeginRow(lone, label, grid.Location, grid.RawText))
                    RowValues.Map(builder, lone, grid, labelEnd, null, bag);
                else if (lone is null && label.Length > 0)
                    bag.Warning(DiagnosticCode.UnknownRow, grid.Location, $"row '{label}' matches no row of table 二", grid.RawText);
                continue;
            }
            if (isHeaderLabel)
            {
                bag.Warning(DiagnosticCode.RowInWrongBlock, grid.Location,
                    $"row label {HeaderLabel} (a column header) carries values in block 第二十条第（{block}）项; the row does not belong there and was not read", grid.RawText);
                continue;
            }
            var row = Match(label, def);
            if (row is null)
            {
                bag.Warning(DiagnosticCode.UnknownRow, grid.Location, $"row label '{label}' matches no row of table 二 ({template.ToKey()} template); its values were not read", grid.RawText);
                continue;
            }
            if (block is not null && row.Block != block)
            {
                bag.Warning(DiagnosticCode.RowInWrongBlock, grid.Location,
                    $"row {row.Label} belongs in block 第二十条第（{row.Block}）项 but appears in block 第二十条第（{block}）项; its values were not read", grid.RawText);
                continue;
            }
            if (LabelText.Compare(label, row.Label, row.Aliases).Fit == LabelText.Fit.Typo)
            {
                bag.Warning(DiagnosticCode.RowLabelVariant, grid.Location, $"row label '{label}' differs from the template's '{row.Label}'; read as {row.Key}", grid.RawText);
            }
            if (!builder.BeginRow(row, label, grid.Location, grid.RawText)) continue;
            RowValues.Map(builder, row, grid, labelEnd, null, bag);
        }
        if (builder.RowCount == 0)
        {
            bag.Error(DiagnosticCode.MissingTable, span, "table 二 has no recognisable rows; its values could not be read");
        }
        var t = builder.Build(template, span);
        return new ProactiveDisclosureTable(template, t.Rows, span);
    }

    private static string FirstLabel(GridRow grid) => grid.Cells.FirstOrDefault(RowValues.IsLabelCell)?.Text ?? "";

    private static RowDefinition? Match(string label, TableDefinition def)
    {
        RowDefinition? best = null;
        int bestD = int.MaxValue;
        foreach (var r in def.Rows)
        {
            var f = LabelText.Compare(label, r.Label, r.Aliases);
            if (f.Fit == LabelText.Fit.Exact) return r;
            if (f.Fit == LabelText.Fit.Typo && TextUtil.Key(r.Label).Length >= 4 && f.Distance < bestD) { best = r; bestD = f.Distance; }
        }
        return best;
    }

    private static void CheckHeader(GridRow grid, TableDefinition def, string? block, DiagnosticBag bag)
    {
        var blockRow = def.Rows.FirstOrDefault(r => r.Block == block);
        if (blockRow is null) return;
        var cols = blockRow.Columns;
        int labelIdx = grid.Cells.ToList().FindIndex(RowValues.IsLabelCell);
        var headers = grid.Cells.Skip(labelIdx + 1).Where(c => !c.IsEmpty).ToList();
        for (int i = 0; i < headers.Count; i++)
        {
            var h = headers[i];
            if (i >= cols.Length)
            {
                bag.Warning(DiagnosticCode.HeaderDeviation, h.Location, $"unexpected column header '{h.Text}' in block 第二十条第（{block}）项 (the template has {cols.Length})", grid.RawText);
                continue;
            }
            var fit = LabelText.Compare(h.Text, cols[i].Label, cols[i].Aliases);
            if (fit.Fit is LabelText.Fit.Exact or LabelText.Fit.Prefix) continue;
            int other = Array.FindIndex(cols, c => LabelText.Compare(h.Text, c.Label, c.Aliases).Fit == LabelText.Fit.Exact);
            if (other >= 0 && other != i)
            {
                bag.Warning(DiagnosticCode.DuplicateHeader, h.Location,
                    $"column {i + 1} of block 第二十条第（{block}）项 is headed '{h.Text}' (the header of column {other + 1}); the template has '{cols[i].Label}' there, and the column is read as {cols[i].Key}", grid.RawText);
            }
            else
            {
                bag.Warning(DiagnosticCode.HeaderDeviation, h.Location,
                    $"column {i + 1} of block 第二十条第（{block}）项 is headed '{h.Text}', the template has '{cols[i].Label}'; read as {cols[i].Key}", grid.RawText);
            }
        }
    }
}
