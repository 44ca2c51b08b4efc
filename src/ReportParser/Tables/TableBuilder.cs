using System.Globalization;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Template;

namespace ReportParser.Tables;

/// <summary>Collects the cells of one standard table as rows are recognised, then builds the <see cref="ReportTable"/>.</summary>
internal sealed class TableBuilder
{
    private readonly TableDefinition _def;
    private readonly DiagnosticBag _bag;
    private readonly Dictionary<string, (RowDefinition Def, string Label, SourceLocation Location, Dictionary<string, ReportCell> Cells)> _rows = new();
    private readonly List<RowDefinition> _extraRows = new();

    public TableBuilder(TableDefinition def, DiagnosticBag bag)
    {
        _def = def;
        _bag = bag;
    }

    public TableDefinition Def => _def;

    public bool HasRow(string key) => _rows.ContainsKey(key);

    public int RowCount => _rows.Count;

    /// <summary>Starts a row; false (with a duplicate warning) when the row was already read.</summary>
    public bool BeginRow(RowDefinition row, string label, SourceLocation span, string excerpt)
    {
        if (_rows.TryGetValue(row.Key, out var first))
        {
            _bag.Warning(DiagnosticCode.DuplicateRow, span,
                $"row {row.Label} ({row.Key}) appears again (first at line {first.Location.Line}); the first occurrence is kept", excerpt);
            return false;
        }
        if (_def.Row(row.Key) is null) _extraRows.Add(row);
        _rows[row.Key] = (row, label, span, new Dictionary<string, ReportCell>());
        return true;
    }

    /// <summary>Sets a cell from its printed text, with diagnostics for placeholders, normalised and unreadable numbers.</summary>
    public void Set(RowDefinition row, ColumnDefinition column, GridCell cell)
    {
        var parsed = ValueParser.Parse(cell.Text);
        decimal? value = null;
        switch (parsed.Kind)
        {
            case ParsedKind.Number:
                value = parsed.Value;
                if (parsed.Normalized)
                {
                    _bag.Info(DiagnosticCode.NumberNormalized, cell.Location,
                        $"{Where(row, column)}: read '{cell.Text}' as {parsed.Value.ToString(CultureInfo.InvariantCulture)}", cell.Text);
                }
                break;
            case ParsedKind.Placeholder:
                _bag.Info(DiagnosticCode.Placeholder, cell.Location, $"{Where(row, column)}: placeholder '{cell.Text}' read as not stated", cell.Text);
                break;
            case ParsedKind.Invalid:
                _bag.Error(DiagnosticCode.UnparsableValue, cell.Location,
                    $"{Where(row, column)}: '{cell.Text}' is not a number; the cell is not stated", cell.Text);
                break;
        }
        var raw = cell.Text.Length == 0 ? null : cell.Text;
        _rows[row.Key].Cells[column.Key] = new ReportCell(_def.Key, row.Key, column.Key, column.Kind, value, raw, cell.Location);
    }

    /// <summary>Sets a recovered value (from a fused run) with its raw text.</summary>
    public void SetRecovered(RowDefinition row, ColumnDefinition column, decimal? value, string raw, SourceLocation span)
        => _rows[row.Key].Cells[column.Key] = new ReportCell(_def.Key, row.Key, column.Key, column.Kind, value, raw, span);

    public static string Where(RowDefinition row, ColumnDefinition column)
        => $"{(row.Label.Length == 0 ? "" : row.Label + " / ")}{column.Label} ({row.Key}.{column.Key})";

    /// <summary>Builds the table with every template row, reporting the rows the document omits.</summary>
    public ReportTable Build(ReportTemplate template, SourceLocation tableSpan, bool reportMissingRows = true)
    {
        var rows = new List<ReportRow>();
        foreach (var def in _def.Rows.Concat(_extraRows))
        {
            if (_rows.TryGetValue(def.Key, out var r))
            {
                rows.Add(new ReportRow(def.Key, r.Label, r.Location,
                    def.Columns.Select(c => r.Cells.TryGetValue(c.Key, out var cell) ? cell : new ReportCell(_def.Key, def.Key, c.Key, c.Kind, null, null, null)).ToList()));
            }
            else
            {
                if (reportMissingRows && _rows.Count > 0)
                {
                    _bag.Warning(DiagnosticCode.MissingRow, tableSpan ?? SourceLocation.Unknown,
                        $"row {def.Label} ({def.Key}) is missing from the table; its cells are not stated");
                }
                rows.Add(new ReportRow(def.Key, null, null, def.Columns.Select(c => new ReportCell(_def.Key, def.Key, c.Key, c.Kind, null, null, null)).ToList()));
            }
        }
        return new ReportTable(_def.Key, template, rows, tableSpan);
    }
}
