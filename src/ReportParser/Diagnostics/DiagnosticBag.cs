namespace ReportParser.Diagnostics;

/// <summary>Collects diagnostics during one parse. Not thread-safe: one bag per parse.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>At most this many diagnostics are kept; a hostile document cannot grow the list without bound.</summary>
    public const int MaxItems = 5000;

    private bool _capped;

    public void Add(Diagnostic diagnostic)
    {
        if (_items.Count < MaxItems || diagnostic.Severity == Severity.Error && _items.Count < MaxItems + 100)
        {
            _items.Add(diagnostic);
            return;
        }
        if (_capped) return;
        _capped = true;
        _items.Add(new Diagnostic(DiagnosticCode.LimitExceeded, Severity.Warning, diagnostic.Location,
            $"more than {MaxItems} diagnostics: the rest are not listed"));
    }

    public void Add(DiagnosticCode code, Severity severity, SourceLocation span, string message, string? excerpt = null, string? rule = null)
        => Add(new Diagnostic(code, severity, span, message) { Excerpt = excerpt, Rule = rule });

    public void Error(DiagnosticCode code, SourceLocation span, string message, string? excerpt = null)
        => Add(code, Severity.Error, span, message, excerpt);

    public void Warning(DiagnosticCode code, SourceLocation span, string message, string? excerpt = null)
        => Add(code, Severity.Warning, span, message, excerpt);

    public void Info(DiagnosticCode code, SourceLocation span, string message, string? excerpt = null)
        => Add(code, Severity.Info, span, message, excerpt);

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);
}
