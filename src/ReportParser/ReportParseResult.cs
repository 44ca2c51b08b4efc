namespace ReportParser;

/// <summary>The outcome of a parse: the report (never null) and every diagnostic, in the order found.</summary>
public sealed class ReportParseResult
{
    internal ReportParseResult(string source, AnnualReport report, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Report = report;
        Diagnostics = diagnostics;
    }

    /// <summary>The source's name (the path for files).</summary>
    public string Source { get; }

    /// <summary>The report; parts that could not be read are null and diagnosed.</summary>
    public AnnualReport Report { get; }

    /// <summary>Every finding, errors, warnings and infos.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Throws when any diagnostic is an error: the strict opt-in.</summary>
    /// <exception cref="ReportParseException">The document has error diagnostics.</exception>
    public ReportParseResult ThrowIfErrors()
    {
        if (HasErrors) throw new ReportParseException(Source, Diagnostics.Where(d => d.Severity == Severity.Error).ToList());
        return this;
    }
}

/// <summary>Thrown by <see cref="ReportParseResult.ThrowIfErrors"/> only.</summary>
public sealed class ReportParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportParseException(string source, IReadOnlyList<Diagnostic> errors)
        : base($"{source}: {errors.Count} error(s); first: {errors[0]}")
    {
        Errors = errors;
    }

    /// <summary>The error diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }
}
