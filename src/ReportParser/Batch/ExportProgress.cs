namespace ReportParser.Batch;

/// <summary>How far an export has come, reported after each file is written and when the inputs have been counted.</summary>
/// <param name="Done">Files written so far.</param>
/// <param name="Total">Files the run will list, once a counting pass beside the work has counted them; null until then.</param>
/// <param name="Unreadable">Files so far with status <see cref="ReportStatus.Unreadable"/>.</param>
/// <param name="File">The file just written, or null for a report of the total alone.</param>
public readonly record struct ExportProgress(long Done, long? Total, long Unreadable, string? File);
