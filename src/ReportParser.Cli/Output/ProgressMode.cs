namespace ReportParser.Cli.Output;

/// <summary>How progress is shown on standard error.</summary>
internal enum ProgressMode
{
    /// <summary>A bar on a terminal; plain lines when standard error is redirected or CI=true.</summary>
    Auto,
    Bar,
    Lines,
    None,
}
