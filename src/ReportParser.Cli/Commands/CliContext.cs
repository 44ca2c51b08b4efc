namespace ReportParser.Cli.Commands;

/// <summary>Where a verb writes: standard output and error (replaced by string writers in tests).</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="ErrorIsConsole">True when <paramref name="Error"/> is the process's own standard error (a progress bar may be drawn).</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool ErrorIsConsole)
{
    /// <summary>The command line as typed, the tool's name first (recorded in an output folder's manifest).</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    /// <summary>Writes a usage error and the help hint; returns <see cref="ExitCodes.UsageOrIo"/>.</summary>
    public int Usage(string verb, string message)
    {
        Error.WriteLine(message);
        Error.WriteLine($"Run 'reportparser {verb} --help' for usage.");
        return ExitCodes.UsageOrIo;
    }
}
