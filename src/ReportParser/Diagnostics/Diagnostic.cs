namespace ReportParser;

/// <summary>
/// One finding about a document: a stable <see cref="Code"/>, a <see cref="Severity"/>, where it was
/// found, a message in domain words, the raw evidence and, for validation findings, the rule key
/// (e.g. <c>Requests.Balance</c>).
/// </summary>
/// <param name="Code">Stable code.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Location">Where the finding applies.</param>
/// <param name="Message">What was found and what was expected.</param>
public readonly record struct Diagnostic(DiagnosticCode Code, Severity Severity, SourceLocation Location, string Message)
{
    /// <summary>The raw line or cell the finding is about, when there is one.</summary>
    public string? Excerpt { get; init; }

    /// <summary>The TEMPLATE.md rule key for validation findings, otherwise null.</summary>
    public string? Rule { get; init; }

    /// <summary>Quality for the evaluators' checks (RP5xxx), otherwise Document.</summary>
    public DiagnosticCategory Category => (int)Code is >= 5000 and < 6000 ? DiagnosticCategory.Quality : DiagnosticCategory.Document;

    /// <summary>The code as printed: <c>RP4001</c>.</summary>
    public string CodeText => "RP" + ((int)Code).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Lower-case severity word.</summary>
    public string SeverityText => Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    /// <summary>As <c>reportparser check</c> prints it (without the file): <c>line 58, col 25: warning RP4001 Requests.Balance: …</c>.</summary>
    public override string ToString()
        => Code == 0 && Message is null
            ? "(no diagnostic)"
            : $"{Location}: {SeverityText} {CodeText}{(Rule is null ? "" : " " + Rule)}: {Message}";
}
