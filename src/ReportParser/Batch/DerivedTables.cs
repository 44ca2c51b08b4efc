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
    private readonly bool _wholeBatch;
    private readonly ITableWriter _indicators;
    private readonly bool _ownsIndicators;
    private readonly Func<ITableWriter> _openPanel;
    private readonly Panel _panel = new();
    private long _position;

    public DerivedTables(string dir, ExportFormat format, bool excelBom, ColumnNames names, bool wholeBatch)
        : this(OutputFolder.Create(dir, IndicatorRow.Schema, format, excelBom, names), () => OutputFolder.Create(dir, PanelRow.Schema, format, excelBom, names), wholeBatch)
    {
        _ownsIndicators = true;
    }

    /// <summary>Writes through the writers given: the indicators table (left open) and how to open the panel table.</summary>
    public DerivedTables(ITableWriter indicators, Func<ITableWriter> openPanel, bool wholeBatch)
    {
        _indicators = indicators;
        _openPanel = openPanel;
        _wholeBatch = wholeBatch;
    }

    /// <summary>Rows written to the indicators table.</summary>
    public long IndicatorRows { get; set; }

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

    /// <summary>
    /// Takes back one reports row whose indicators are already written (a resumed export reading its tables back): the
    /// panel and the cross-year indicators see it as if it had been added now.
    /// </summary>
    public void Restore(IReadOnlyList<string?> reportFields)
    {
        var figures = ReportFigures.FromFields(reportFields, _position++);
        if (_wholeBatch) _panel.Add(figures, Indicators.Of(figures).ToList());
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
        using var panel = _openPanel();
        foreach (var row in _panel.Rows())
        {
            panel.Write(PanelRow.Schema.Fields(row));
            PanelRows++;
        }
    }

    public void Dispose()
    {
        if (_ownsIndicators) _indicators.Dispose();
    }
}
