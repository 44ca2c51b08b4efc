using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Sections;

namespace ReportParser.Pipeline;

/// <summary>What kind of document the classify step found.</summary>
internal enum DocumentShape
{
    /// <summary>Not yet decided.</summary>
    Undecided,

    /// <summary>No text at all.</summary>
    Empty,

    /// <summary>Text, but no report title, section heading or table.</summary>
    NotAReport,

    /// <summary>A report title without a body (the report was an attachment).</summary>
    TitleOnly,

    /// <summary>A report with a body.</summary>
    Report,
}

/// <summary>
/// The state one parse carries from step to step: the source, options, diagnostics, one deadline (the
/// options' time budget linked to the caller's token), and each stage's product.
/// </summary>
internal sealed class ParseContext : IDisposable
{
    private readonly CancellationTokenSource _deadline;

    public ParseContext(ReportSource source, ReportParserOptions options, CancellationToken cancellation)
    {
        Source = source;
        Options = options;
        Cancellation = cancellation;
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _deadline.CancelAfter(options.TimeBudget);
        Blocks = new DocumentBlocks(source.Name, SourceFormat.Unknown, Array.Empty<Block>());
        Split = new SplitDocument(Array.Empty<Block>(), Array.Empty<SplitSection>());
    }

    public ReportSource Source { get; }

    public ReportParserOptions Options { get; }

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>The caller's token: when it fires, the parse throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Fires when the time budget runs out or the caller cancels: long loops check it.</summary>
    public CancellationToken Deadline => _deadline.Token;

    /// <summary>True (with one error diagnostic, the first time) when the deadline has passed; throws when the caller cancelled.</summary>
    public bool Expired(string what)
    {
        Cancellation.ThrowIfCancellationRequested();
        // The clock as well as the token: a timer fires late for a budget of a few milliseconds.
        if (!Deadline.IsCancellationRequested && _clock.Elapsed <= Options.TimeBudget + _extension) return false;
        if (!_expiredReported)
        {
            _expiredReported = true;
            Diagnostics.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown,
                $"the time budget of {Options.TimeBudget.TotalSeconds:0.#} s ran out before {what} were read");
        }
        return true;
    }

    private bool _expiredReported;

    private TimeSpan _extension;

    /// <summary>Gives the parse more time (a page read by OCR): the deadline moves on by <paramref name="more"/>, unless it has passed.</summary>
    public void ExtendBudget(TimeSpan more)
    {
        lock (_clock)
        {
            if (_deadline.IsCancellationRequested) return;
            _extension += more;
            var left = Options.TimeBudget + _extension - _clock.Elapsed;
            if (left > TimeSpan.Zero) _deadline.CancelAfter(left);
        }
    }

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public DocumentBlocks Blocks { get; set; }

    /// <summary>Plain text without table grids: its tables may be fused into digit runs.</summary>
    public bool MayHoldFusedTables { get; set; }

    public SplitDocument Split { get; set; }

    /// <summary>Diagnostics of the section split, listed after those of the fused-table recovery that reads the split.</summary>
    public List<Diagnostic> HeldDiagnostics { get; } = new();

    public MetadataReader.Found? Metadata { get; set; }

    public DocumentShape Shape { get; set; }

    public ReportTemplate Template { get; set; } = ReportTemplate.Unknown;

    public ProactiveDisclosureTable? Proactive { get; set; }

    public RequestsTable? Requests { get; set; }

    public ReviewLitigationTable? Review { get; set; }

    public AnnualReport? Report { get; set; }

    /// <summary>Fused runs the table's arithmetic left ambiguous, with the splits still allowed (for the text to decide).</summary>
    public List<Validation.OpenRun> OpenRuns { get; } = new();

    /// <summary>The figures the running text states.</summary>
    public List<ProseStatement> Statements { get; set; } = new();

    public void Dispose() => _deadline.Dispose();
}
