namespace ReportParser.Diagnostics;

/// <summary>Collects diagnostics during one parse. Not thread-safe: one bag per parse.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Add(DiagnosticCode code, Severity severity, SourceSpan span, string message, string? excerpt = null, string? rule = null)
        => _items.Add(new Diagnostic(code, severity, span, message) { Excerpt = excerpt, Rule = rule });

    public void Error(DiagnosticCode code, SourceSpan span, string message, string? excerpt = null)
        => Add(code, Severity.Error, span, message, excerpt);

    public void Warning(DiagnosticCode code, SourceSpan span, string message, string? excerpt = null)
        => Add(code, Severity.Warning, span, message, excerpt);

    public void Info(DiagnosticCode code, SourceSpan span, string message, string? excerpt = null)
        => Add(code, Severity.Info, span, message, excerpt);

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);
}
