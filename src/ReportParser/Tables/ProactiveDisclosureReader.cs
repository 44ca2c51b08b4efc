using System.Text.RegularExpressions;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Template;
using ReportParser.Text;

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
        var printed = PrintedBlocks(rows);
        string? block = null;
        foreach (var grid in rows)
        {
            var label = RowValues.LabelOf(grid.Cells);
            if (BlockOf(label) is { } blockLabel)
            {
                block = blockLabel;
                CheckBlock(block, def, template, grid, bag);
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
            if (!hasValues)
            {
                if (labelEnd >= 0) ReadBlankRow(builder, def, label, block, printed, grid, labelEnd, bag);
                continue;
            }
            if (isHeaderLabel)
            {
                bag.Warning(DiagnosticCode.RowInWrongBlock, grid.Location,
                    $"row label {HeaderLabel} (a column header) carries values in block 第二十条第（{block}）项; the row does not belong there and was not read", grid.RawText);
                continue;
            }
            var row = RowInBlock(label, def, block, printed, template, grid, bag);
            if (row is null || !builder.BeginRow(row, label, grid.Location, grid.RawText)) continue;
            RowValues.Map(builder, row, grid, labelEnd, null, bag);
        }
        if (builder.RowCount == 0)
        {
            bag.Error(DiagnosticCode.MissingTable, span, "table 二 has no recognisable rows; its values could not be read");
        }
        var t = builder.Build(template, span);
        return new ProactiveDisclosureTable(template, t.Rows, span);
    }

    /// <summary>The item numeral of a 第二十条第（X）项 block label, or null for any other row label.</summary>
    private static string? BlockOf(string label)
    {
        var compact = TextUtil.Compact(CjkCompat.Normalize(label));
        var bm = BlockRegex().Match(compact);
        return bm.Success ? bm.Groups[1].Value : null;
    }

    /// <summary>Warns for a block the template's table 二 does not have.</summary>
    private static void CheckBlock(string block, TableDefinition def, ReportTemplate template, GridRow grid, DiagnosticBag bag)
    {
        if (!def.Rows.Any(r => r.Block == block))
        {
            bag.Warning(DiagnosticCode.UnknownRow, grid.Location, $"block 第二十条第（{block}）项 is not part of the {template.ToKey()} template's table 二", grid.RawText);
        }
    }

    /// <summary>The item numerals of the 第二十条第（X）项 block lines the table prints.</summary>
    private static HashSet<string> PrintedBlocks(IReadOnlyList<GridRow> rows)
    {
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grid in rows)
        {
            if (BlockOf(RowValues.LabelOf(grid.Cells)) is { } b) printed.Add(b);
        }
        return printed;
    }

    /// <summary>
    /// True when <paramref name="row"/>, printed under block <paramref name="block"/>, is read as its own block's row
    /// because that block's 第二十条第（X）项 line is not printed anywhere in the table (a header row missing) and the
    /// label is the template's exactly, and its block comes after <paramref name="block"/> in the template; the warning
    /// says so.
    /// </summary>
    private static bool HeaderMissing(TableDefinition def, RowDefinition row, string label, string? block, HashSet<string> printed, GridRow grid, DiagnosticBag bag)
    {
        if (row.Block is not { } own || printed.Contains(own) || LabelText.Compare(label, row.Label, row.Aliases).Fit != LabelText.Fit.Exact) return false;
        // Only where the missing line belongs: the row's block comes after the block it is printed under.
        if (FirstRowOf(def, own) <= FirstRowOf(def, block)) return false;
        bag.Warning(DiagnosticCode.RowInWrongBlock, grid.Location,
            $"row {row.Label} belongs in block 第二十条第（{own}）项, whose line is not printed (the row follows block 第二十条第（{block}）项); read as that block's row", grid.RawText);
        return true;
    }

    private static int FirstRowOf(TableDefinition def, string? block)
    {
        for (int i = 0; i < def.Rows.Count; i++) if (def.Rows[i].Block == block) return i;
        return -1;
    }

    /// <summary>A row label with no values at all (its cells were left blank): still the row.</summary>
    private static void ReadBlankRow(TableBuilder builder, TableDefinition def, string label, string? block, HashSet<string> printed, GridRow grid, int labelEnd, DiagnosticBag bag)
    {
        var lone = Match(label, def);
        if (lone is not null && (lone.Block == block || block is not null && HeaderMissing(def, lone, label, block, printed, grid, bag)) && builder.BeginRow(lone, label, grid.Location, grid.RawText))
            RowValues.Map(builder, lone, grid, labelEnd, null, bag);
        else if (lone is null && label.Length > 0)
            bag.Warning(DiagnosticCode.UnknownRow, grid.Location, $"row '{label}' matches no row of table 二", grid.RawText);
    }

    /// <summary>The template row a label with values stands for, when it belongs in the current block; null (with a warning) otherwise.</summary>
    private static RowDefinition? RowInBlock(string label, TableDefinition def, string? block, HashSet<string> printed, ReportTemplate template, GridRow grid, DiagnosticBag bag)
    {
        var row = Match(label, def);
        if (row is null)
        {
            bag.Warning(DiagnosticCode.UnknownRow, grid.Location, $"row label '{label}' matches no row of table 二 ({template.ToKey()} template); its values were not read", grid.RawText);
            return null;
        }
        if (block is not null && row.Block != block && !HeaderMissing(def, row, label, block, printed, grid, bag))
        {
            bag.Warning(DiagnosticCode.RowInWrongBlock, grid.Location,
                $"row {row.Label} belongs in block 第二十条第（{row.Block}）项 but appears in block 第二十条第（{block}）项; its values were not read", grid.RawText);
            return null;
        }
        if (LabelText.Compare(label, row.Label, row.Aliases).Fit == LabelText.Fit.Typo)
        {
            bag.Warning(DiagnosticCode.RowLabelVariant, grid.Location, $"row label '{label}' differs from the template's '{row.Label}'; read as {row.Key}", grid.RawText);
        }
        return row;
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
            if (i >= cols.Count)
            {
                bag.Warning(DiagnosticCode.HeaderDeviation, h.Location, $"unexpected column header '{h.Text}' in block 第二十条第（{block}）项 (the template has {cols.Count})", grid.RawText);
                continue;
            }
            var fit = LabelText.Compare(h.Text, cols[i].Label, cols[i].Aliases);
            if (fit.Fit is LabelText.Fit.Exact or LabelText.Fit.Prefix) continue;
            int other = ExactColumn(cols, h.Text);
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

    private static int ExactColumn(IReadOnlyList<ColumnDefinition> cols, string text)
    {
        for (int k = 0; k < cols.Count; k++)
        {
            if (LabelText.Compare(text, cols[k].Label, cols[k].Aliases).Fit == LabelText.Fit.Exact) return k;
        }
        return -1;
    }
}
