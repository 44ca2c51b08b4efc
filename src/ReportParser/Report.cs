using ReportParser.Pipeline;

namespace ReportParser;

/// <summary>
/// The entry point: <c>Report.Parse(ReportSource.FromFile(path))</c>. Stateless and thread-safe.
/// Malformed documents never throw; what is wrong with them is in the result's diagnostics.
/// </summary>
public static class Report
{
    /// <summary>Parses one document.</summary>
    /// <param name="source">The document.</param>
    /// <param name="options">Options, or null for <see cref="ReportParserOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public static ReportParseResult Parse(ReportSource source, ReportParserOptions? options = null)
        => Parse(source, options, CancellationToken.None);

    /// <summary>
    /// Parses one document, stopping promptly when <paramref name="cancellationToken"/> fires. The options'
    /// <see cref="ReportParserOptions.TimeBudget"/> is the one deadline of the whole parse (input, tables,
    /// rules): when it runs out, the parse returns what it has read with an error diagnostic (RP1005).
    /// </summary>
    /// <param name="source">The document.</param>
    /// <param name="options">Options, or null for <see cref="ReportParserOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static ReportParseResult Parse(ReportSource source, ReportParserOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ReportParserOptions.Default;
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return ParsePipeline.Run(source, options, cancellationToken);
    }

    /// <summary>
    /// Parses one document on a thread-pool thread (parsing is CPU-bound work), so a UI or server thread is
    /// not blocked. Same results and exceptions as <see cref="Parse(ReportSource, ReportParserOptions?, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static Task<ReportParseResult> ParseAsync(ReportSource source, ReportParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ReportParserOptions.Default;
        options.Validate();
        return Task.Run(() => ParsePipeline.Run(source, options, cancellationToken), cancellationToken);
    }

    /// <summary>Parses a file.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReportParseResult ParseFile(string path, ReportParserOptions? options = null)
        => Parse(ReportSource.FromFile(path, (options ?? ReportParserOptions.Default).MaxInputBytes), options);

    /// <summary>Parses plain text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ReportParseResult ParseText(string text, string name = "text", ReportParserOptions? options = null)
        => Parse(ReportSource.FromText(text, name), options);
}
