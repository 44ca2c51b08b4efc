namespace ReportParser.Export;

/// <summary>One diagnostic of one file, the row of the <c>diagnostics</c> table.</summary>
/// <param name="File">The file's identity (path, or <c>archive.zip!entry</c>).</param>
/// <param name="Diagnostic">The finding.</param>
public sealed record DiagnosticRow(string File, Diagnostic Diagnostic)
{
    /// <summary>
    /// The columns of the <c>diagnostics</c> table: <c>file,code,severity,rule,message,location</c>; the code as printed
    /// (<c>RP4001</c>), the severity as a lower-case word, the location as printed (<c>page 2, line 41, col 1</c>) or empty when unknown.
    /// </summary>
    public static RowSchema<DiagnosticRow> Schema { get; } = new RowSchema<DiagnosticRow>("diagnostics")
        .Map("file", r => r.File)
        .Map("code", r => r.Diagnostic.CodeText)
        .Map("severity", r => r.Diagnostic.SeverityText)
        .Map("rule", r => r.Diagnostic.Rule)
        .Map("message", r => r.Diagnostic.Message)
        .Map("location", r => r.Diagnostic.Location.IsUnknown ? "" : r.Diagnostic.Location.ToString());

    /// <summary>Every diagnostic of a result, in the order found, named by the result's source.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IEnumerable<DiagnosticRow> From(ReportParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Diagnostics.Select(d => new DiagnosticRow(result.Source, d));
    }
}
