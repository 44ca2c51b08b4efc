namespace ReportParser.Cli.Output;

/// <summary>
/// The one way the tool prints a diagnostic: <c>location: severity code [rule]: message</c>, e.g.
/// <c>page 3, line 41, col 1: warning RP4001 Requests.Balance: 本年新收+上年结转 = 120, …</c>; check prefixes the file.
/// </summary>
internal static class DiagnosticFormatter
{
    /// <summary>The diagnostic as one line, without the file.</summary>
    public static string Format(Diagnostic d) => d.ToString();

    /// <summary>The check line: <c>file: location: severity code [rule]: message</c>.</summary>
    public static string Format(string file, Diagnostic d) => $"{file}: {Format(d)}";
}
