namespace ReportParser.Export;

/// <summary>
/// Builds the <c>panel</c> table and the cross-year rows of the <c>indicators</c> table from every report of a batch:
/// <see cref="Add"/> each report (in input order) with its per-report indicators, then read <see cref="CrossYearRows"/>
/// and <see cref="Rows"/>. Keeps a few numbers per report, never the reports.
/// </summary>
public sealed class Panel
{
    /// <summary>The indicators the panel carries, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "requests_received", "disclosure_rate", "granted_rate", "disclosure_rate_received", "disclosure_rate_merits", "backlog_rate",
        "review_correction_rate", "review_correction_closed", "litigation_loss_rate_direct", "dispute_conversion", "carryover_gap",
    ];

    private static readonly int CarryoverColumn = Columns.Count - 1;

    private static readonly string[] StockKeys =
    [
        "Requests.CarriedOver.Total", "Requests.CarriedForward.Total",
        "ProactiveDisclosure.Regulations.InForce", "ProactiveDisclosure.Regulations.Issued", "ProactiveDisclosure.Regulations.Repealed",
        "ProactiveDisclosure.NormativeDocuments.InForce", "ProactiveDisclosure.NormativeDocuments.Issued", "ProactiveDisclosure.NormativeDocuments.Repealed",
    ];

    private sealed record Entry(long Position, string File, string? Agency, string? AgencyId, string? AgencyKey, int? Year, ReportTemplate Template,
        bool Parsed, int Errors, int? SmallN, decimal?[] Values, decimal?[] Stock)
    {
        public int Stated => Values.Count(v => v is not null);
    }

    private readonly List<Entry> _entries = new();
    private Dictionary<(string, int), List<Entry>>? _groups;

    /// <summary>Adds a report and its per-report indicator rows.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Add(ReportFigures report, IEnumerable<IndicatorRow> indicators)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(indicators);
        var values = new decimal?[Columns.Count];
        int? small = null;
        foreach (var row in indicators)
        {
            int i = IndexOf(row.Indicator);
            if (i >= 0) values[i] = row.Value;
            small = row.SmallN;
        }
        _entries.Add(new Entry(report.Position, report.File, report.Agency, report.AgencyId, AgencyNames.Normalize(report.Agency), report.Year, report.Template,
            report.Status == "parsed", report.Errors, small, values, StockKeys.Select(report.Value).ToArray()));
        _groups = null;
    }

    private static int IndexOf(string indicator)
    {
        for (int i = 0; i < Columns.Count; i++) if (Columns[i] == indicator) return i;
        return -1;
    }

    /// <summary>The reports of each agency and year, the kept one first (the duplicate rule of docs/indicators.md).</summary>
    private Dictionary<(string, int), List<Entry>> Groups()
    {
        if (_groups is not null) return _groups;
        _groups = new Dictionary<(string, int), List<Entry>>();
        foreach (var e in _entries)
        {
            if (e.AgencyId is null || e.Year is not int y) continue;
            if (!_groups.TryGetValue((e.AgencyId, y), out var list)) _groups[(e.AgencyId, y)] = list = new List<Entry>();
            list.Add(e);
        }
        foreach (var list in _groups.Values)
        {
            list.Sort((a, b) => b.Parsed.CompareTo(a.Parsed) is not 0 and var p ? p
                : a.Errors.CompareTo(b.Errors) is not 0 and var q ? q
                : b.Stated.CompareTo(a.Stated) is not 0 and var r ? r
                : a.Position.CompareTo(b.Position));
        }
        return _groups;
    }

    private Entry? Previous(Entry e)
        => e.AgencyId is not null && e.Year is int y && Groups().TryGetValue((e.AgencyId, y - 1), out var list) ? list[0] : null;

    /// <summary>The cross-year indicator rows (<see cref="Indicators.CrossYear"/>) of every report, in input order.</summary>
    public IEnumerable<IndicatorRow> CrossYearRows()
    {
        foreach (var e in _entries)
        {
            var previous = Previous(e);
            foreach (var d in Indicators.CrossYear)
            {
                var row = new IndicatorRow(e.File, e.Agency, e.AgencyId, e.Year, e.Template, d.Name, null, null, null, e.SmallN, "");
                yield return CrossYear(row, d.Name, e, previous);
            }
        }
    }

    private static IndicatorRow CrossYear(IndicatorRow row, string name, Entry e, Entry? previous)
    {
        if (!IndicatorDefinition.Supported(e.Template)) return row with { Reason = Indicators.NotInTemplate(e.Template) };
        bool stock = name != "carryover_gap";
        if (stock && e.Template != ReportTemplate.V2021) return row with { Reason = Indicators.NotInTemplate(e.Template) };
        if (e.AgencyId is null || e.Year is null) return row with { Reason = e.AgencyId is null ? "agency not found" : "year not found" };
        if (previous is null) return row with { Reason = "no report of year N−1 for this agency" };
        if (stock && previous.Template != ReportTemplate.V2021) return row with { Reason = $"the year N−1 report ({previous.File}) is of the {previous.Template.ToKey()} template" };
        int at = name switch { "regulations_stock_gap" => 2, "normative_documents_stock_gap" => 5, _ => 0 };
        var (terms, keys) = stock
            ? (new[] { (e.Stock[at], 1), (previous.Stock[at], -1), (e.Stock[at + 1], -1), (e.Stock[at + 2], 1) },
               new[] { StockKeys[at] + "[N]", StockKeys[at] + "[N−1]", StockKeys[at + 1] + "[N]", StockKeys[at + 2] + "[N]" })
            : (new[] { (e.Stock[0], 1), (previous.Stock[1], -1) }, new[] { StockKeys[0] + "[N]", StockKeys[1] + "[N−1]" });
        var missing = keys.Where((_, i) => terms[i].Item1 is null).ToList();
        if (missing.Count > 0) return row with { Reason = "not stated: " + string.Join(", ", missing) };
        decimal value = terms.Sum(t => t.Item1!.Value * t.Item2);
        return row with { Value = value, Numerator = value };
    }

    /// <summary>One row per agency and year, ordered by agency id and year.</summary>
    public IEnumerable<PanelRow> Rows()
    {
        var groups = Groups();
        foreach (var key in groups.Keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2))
        {
            var list = groups[key];
            var kept = list[0];
            var values = WithCarryover(kept);
            var previous = Previous(kept) is { } p ? WithCarryover(p) : null;
            var changes = new decimal?[Columns.Count];
            for (int i = 0; i < changes.Length; i++) changes[i] = previous?[i] is decimal before && values[i] is decimal now ? now - before : null;
            yield return new PanelRow(kept.AgencyId!, kept.AgencyKey!, kept.Agency, key.Item2, kept.Template, kept.File, list.Count,
                string.Join(" | ", list.Skip(1).Select(d => d.File)), kept.SmallN, values, changes);
        }
    }

    private decimal?[] WithCarryover(Entry e)
    {
        var values = (decimal?[])e.Values.Clone();
        var row = new IndicatorRow(e.File, e.Agency, e.AgencyId, e.Year, e.Template, "carryover_gap", null, null, null, e.SmallN, "");
        values[CarryoverColumn] = CrossYear(row, "carryover_gap", e, Previous(e)).Value;
        return values;
    }
}
