using ReportParser.Batch.IO;
using ReportParser.Export;

namespace ReportParser.Batch;

/// <summary>
/// Writes the <c>indicators</c> and <c>panel</c> tables of an output folder from its <c>reports</c> rows, as they are
/// written (an export) or read back (a merge), through the same writers as the other tables: per-report indicators
/// stream out with each report; the cross-year indicators and the panel follow at <see cref="Complete"/>, for a whole
/// batch only (a shard lacks the other years).
/// </summary>
internal sealed class DerivedTables : IDisposable
{
    private readonly string _dir;
    private readonly ExportFormat _format;
    private readonly bool _excelBom;
    private readonly ColumnNames _names;
    private readonly bool _wholeBatch;
    private readonly ITableWriter _indicators;
    private readonly Panel _panel = new();
    private long _position;

    public DerivedTables(string dir, ExportFormat format, bool excelBom, ColumnNames names, bool wholeBatch)
    {
        _dir = dir;
        _format = format;
        _excelBom = excelBom;
        _names = names;
        _wholeBatch = wholeBatch;
        _indicators = OutputFolder.Create(dir, IndicatorRow.Schema, format, excelBom, names);
    }

    /// <summary>Rows written to the indicators table.</summary>
    public long IndicatorRows { get; private set; }

    /// <summary>Rows written to the panel table.</summary>
    public long PanelRows { get; private set; }

    /// <summary>Writes the per-report indicators of one reports row (fields aligned with <see cref="WideReportRow.Schema"/>).</summary>
    public void Add(IReadOnlyList<string?> reportFields)
    {
        var figures = ReportFigures.FromFields(reportFields, _position++);
        var rows = Indicators.Of(figures).ToList();
        foreach (var r in rows) Write(r);
        if (_wholeBatch) _panel.Add(figures, rows);
    }

    private void Write(IndicatorRow row)
    {
        _indicators.Write(IndicatorRow.Schema.Fields(row));
        IndicatorRows++;
    }

    /// <summary>Writes the cross-year indicators and the panel (a whole batch only).</summary>
    public void Complete()
    {
        if (!_wholeBatch) return;
        foreach (var r in _panel.CrossYearRows()) Write(r);
        using var panel = OutputFolder.Create(_dir, PanelRow.Schema, _format, _excelBom, _names);
        foreach (var row in _panel.Rows())
        {
            panel.Write(PanelRow.Schema.Fields(row));
            PanelRows++;
        }
    }

    public void Dispose() => _indicators.Dispose();
}
