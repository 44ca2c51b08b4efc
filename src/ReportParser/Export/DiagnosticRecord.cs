namespace ReportParser.Export;

/// <summary>
/// One diagnostic as a flat record, the row of <c>diagnostics.csv</c>: <c>file,code,severity,rule,message,location</c>.
/// </summary>
/// <param name="File">The source name (path, or <c>archive.zip!entry</c>).</param>
/// <param name="Code">The code as printed, e.g. <c>RP4001</c>.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Rule">The rule key for validation findings, otherwise empty.</param>
/// <param name="Message">The message.</param>
/// <param name="Location">Where, as printed (<c>page 2, line 41, col 1</c>); empty when unknown.</param>
public sealed record DiagnosticRecord(string File, string Code, string Severity, string Rule, string Message, string Location)
{
    /// <summary>Projects one diagnostic.</summary>
    public static DiagnosticRecord From(string file, Diagnostic diagnostic)
        => new(file, diagnostic.CodeText, diagnostic.SeverityText, diagnostic.Rule ?? "", diagnostic.Message, diagnostic.Location.IsUnknown ? "" : diagnostic.Location.ToString());

    /// <summary>Projects every diagnostic of a result, in the order found.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IEnumerable<DiagnosticRecord> From(ReportParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Diagnostics.Select(d => From(result.Source, d));
    }
}
