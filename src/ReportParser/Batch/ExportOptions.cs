namespace ReportParser.Batch;

/// <summary>The settings of one batch export (<see cref="ReportExporter.ExportAsync"/>). Immutable; derive with <c>with</c>.</summary>
public sealed record ExportOptions
{
    /// <summary>Files, folders (searched recursively) and zip archives, walked in this order (see <see cref="InputEnumerator"/>).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>
    /// The folder the tables are written to; created when missing. The run writes into its staging folder <c>.partial</c>
    /// and renames the tables into place when it completes, then writes <c>manifest.json</c> last. A folder that holds another
    /// run's outputs is refused (<see cref="ExportFolderException"/>) unless <see cref="Overwrite"/> or <see cref="Resume"/> is set.
    /// </summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Remove the outputs of any earlier run from <see cref="OutputDirectory"/> first (tables of every format, manifest, page, workbook, staging folder); other files are left alone.</summary>
    public bool Overwrite { get; init; }

    /// <summary>
    /// Continue the interrupted run in <see cref="OutputDirectory"/> from its journal (files already written are not parsed again),
    /// giving tables byte-identical to an uninterrupted run; it must have the same inputs, options and tool version. With no
    /// interrupted run there, a new run starts (into a folder without outputs).
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>The command line recorded in <c>manifest.json</c>; null for the process's own (<see cref="Environment.GetCommandLineArgs"/>).</summary>
    public IReadOnlyList<string>? CommandLine { get; init; }

    /// <summary>The tables' file format; CSV by default.</summary>
    public ExportFormat Format { get; init; } = ExportFormat.Csv;

    /// <summary>How the cell columns of the reports table are named; <see cref="ColumnNames.Keys"/> by default.</summary>
    public ColumnNames Names { get; init; } = ColumnNames.Keys;

    /// <summary>Start each CSV file with a UTF-8 byte-order mark, so Excel opens the Chinese text correctly.</summary>
    public bool ExcelBom { get; init; }

    /// <summary>
    /// The blank-as-zero view: mark the blank cells in the cells table's <c>assumed_zero</c> column and re-check the rules with them read
    /// as 0, reported as RP4091 (broken) and RP4092 (holds); values, indicators and the parser's own findings are unchanged.
    /// </summary>
    public bool BlankAsZero { get; init; }

    /// <summary>Process only this part of the inputs; <see cref="Shard.All"/> by default. Cross-report checks run only over a whole batch (or after a merge).</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>Files parsed at once; default the processor count.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Time one file may take; a file over it is listed <see cref="ReportStatus.Timeout"/> with reason <c>time limit: …</c>. Default 60 seconds.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where each file is parsed; null (the default) for <see cref="FileParseRunner.InProcess"/>. The library never starts processes itself.</summary>
    public FileParseRunner? Runner { get; init; }

    /// <summary>Options for each parse; <see cref="ReportParserOptions.MaxInputBytes"/> also bounds the archive entries read.</summary>
    public ReportParserOptions ParserOptions { get; init; } = ReportParserOptions.Default;

    /// <summary>The parse step; replaceable so tests can stand in a pathological parser.</summary>
    internal Func<ReportSource, ReportParserOptions, ReportParseResult> Parse { get; init; } = (s, o) => Report.Parse(s, o);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    internal void Validate()
    {
        if (Inputs is null) throw new ArgumentException("Inputs must not be null", nameof(Inputs));
        if (string.IsNullOrEmpty(OutputDirectory)) throw new ArgumentException("OutputDirectory must be given", nameof(OutputDirectory));
        if (Resume && Overwrite) throw new ArgumentException("Resume and Overwrite exclude each other", nameof(Resume));
        if (Jobs < 1) throw new ArgumentOutOfRangeException(nameof(Jobs), "must be at least 1");
        if (TimeLimit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeLimit), "must be positive");
        if (ParserOptions is null) throw new ArgumentException("ParserOptions must not be null", nameof(ParserOptions));
        ParserOptions.Validate();
    }
}
