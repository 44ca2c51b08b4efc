namespace ReportParser.Cli.Commands;

/// <summary>The exit codes of every verb, as docs/cli.md lists them.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>check: a document has an error-level diagnostic; export: some input file is unreadable.</summary>
    public const int DocumentErrors = 1;

    /// <summary>A usage error, an input that cannot be read (parse, check), or an output that cannot be written.</summary>
    public const int UsageOrIo = 2;
}
