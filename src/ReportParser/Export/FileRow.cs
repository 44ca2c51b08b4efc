using System.Globalization;

namespace ReportParser.Export;

/// <summary>
/// One input file of a batch, the row of the <c>files</c> table: every input file is listed exactly once, with its
/// status and the reason for it.
/// </summary>
/// <param name="File">The file's identity: the path as given, or <c>archive.zip!entry/path</c>.</param>
/// <param name="Status">What became of the file.</param>
/// <param name="Reason">Why, for every status but <see cref="ReportStatus.Parsed"/>; otherwise empty.</param>
/// <param name="Source">The entry path inside the archive; empty for a file on disk.</param>
/// <param name="Index">The file's position in the full input enumeration (all shards).</param>
/// <param name="Bytes">The file's size, when known.</param>
/// <param name="Cells">Cells written for the file.</param>
/// <param name="Errors">Error diagnostics.</param>
/// <param name="Warnings">Warning diagnostics.</param>
/// <param name="Infos">Info diagnostics.</param>
public sealed record FileRow(string File, ReportStatus Status, string Reason, string Source, long Index, long? Bytes, int Cells, int Errors, int Warnings, int Infos)
{
    /// <summary>The columns of the <c>files</c> table: <c>file,status,reason,source,index,bytes,cells,errors,warnings,infos</c>.</summary>
    public static RowSchema<FileRow> Schema { get; } = new RowSchema<FileRow>("files")
        .Map("file", r => r.File)
        .Map("status", r => r.Status.ToText())
        .Map("reason", r => r.Reason)
        .Map("source", r => r.Source)
        .Map("index", ColumnType.Int64, r => r.Index.ToString(CultureInfo.InvariantCulture))
        .Map("bytes", ColumnType.Int64, r => r.Bytes?.ToString(CultureInfo.InvariantCulture))
        .Map("cells", ColumnType.Int32, r => r.Cells.ToString(CultureInfo.InvariantCulture))
        .Map("errors", ColumnType.Int32, r => r.Errors.ToString(CultureInfo.InvariantCulture))
        .Map("warnings", ColumnType.Int32, r => r.Warnings.ToString(CultureInfo.InvariantCulture))
        .Map("infos", ColumnType.Int32, r => r.Infos.ToString(CultureInfo.InvariantCulture));
}
