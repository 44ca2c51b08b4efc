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

    /// <summary>The code as printed: <c>RP4001</c>.</summary>
    public string CodeText => "RP" + ((int)Code).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Lower-case severity word.</summary>
    public string SeverityText => Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    /// <inheritdoc />
    public override string ToString()
        => $"{CodeText} {SeverityText} ({Location}){(Rule is null ? "" : " [" + Rule + "]")}: {Message}";
}
