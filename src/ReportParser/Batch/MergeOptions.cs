namespace ReportParser.Batch;

/// <summary>The settings of one merge of shard output folders (<see cref="ReportExporter.MergeAsync(MergeOptions, CancellationToken)"/>). Immutable; derive with <c>with</c>.</summary>
public sealed record MergeOptions
{
    /// <summary>The shard output folders, in any order, each in any format but xlsx.</summary>
    public required IReadOnlyList<string> Folders { get; init; }

    /// <summary>The folder for the combined tables; must not be one of <see cref="Folders"/>. Outputs of an earlier run in it are replaced.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The output format, or null for the format of the first folder.</summary>
    public ExportFormat? Format { get; init; }

    /// <summary>Start each CSV file with a UTF-8 byte-order mark and make its text Excel-safe.</summary>
    public bool ExcelBom { get; init; }

    /// <summary>Merge even when some of the N shards are missing; the merged manifest records it and lists the missing shards.</summary>
    public bool AllowPartial { get; init; }

    /// <summary>The command line recorded in the merged <c>manifest.json</c>; null for the process's own.</summary>
    public IReadOnlyList<string>? CommandLine { get; init; }
}
