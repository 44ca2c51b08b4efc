namespace ReportParser.Cli.Commands;

/// <summary>The exit codes of every verb, as docs/cli.md lists them.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>check: a document has an error-level diagnostic; export: some input file is unreadable.</summary>
    public const int DocumentErrors = 1;

    /// <summary>A usage error, or (parse, check) an input that cannot be read, timed out or crashed its worker.</summary>
    public const int UsageOrIo = 2;

    /// <summary>The run did not finish: an output cannot be written, it was cancelled (Ctrl+C, SIGTERM), no worker process can be started, or an internal failure.</summary>
    public const int NotFinished = 3;
}
