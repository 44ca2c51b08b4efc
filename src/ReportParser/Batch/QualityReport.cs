using ReportParser.Batch.IO;
using ReportParser.Export;
using ReportParser.Reporting;

namespace ReportParser.Batch;

/// <summary>
/// <c>report.html</c>, the quality report of an export folder: one self-contained page (inline style, inline SVG charts, a few
/// lines of inline script; nothing loaded from elsewhere, so it opens offline from a file:// URL) with the overview, the table
/// of files, the cross-year view and the detail of each report, built from the folder's tables alone (files, cells, reports,
/// diagnostics, in any format). <see cref="ReportExporter"/> writes it after every export and merge.
/// <code>
/// QualityReport.Write("out");   // out/report.html from out/files.csv, out/cells.csv, …
/// </code>
/// </summary>
public static class QualityReport
{
    /// <summary>The page's file name in the output folder.</summary>
    public const string FileName = "report.html";

    /// <summary>The default size budget in bytes: report details are added (rule breaks first, then errors, then warnings) while the page stays under it.</summary>
    public const long DefaultMaxBytes = QualityPage.DefaultMaxBytes;

    /// <summary>Builds the page of an export folder and writes it as <c>report.html</c> there, through a temporary name and a rename.</summary>
    /// <param name="directory">The export folder.</param>
    /// <param name="maxBytes">The size budget; the overview, the files table and the cross-year view are always written.</param>
    /// <returns>The path written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="InvalidDataException">The folder is not an export folder, or a table is damaged.</exception>
    /// <exception cref="IOException">A table cannot be read or the page cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be read or written.</exception>
    public static string Write(string directory, long maxBytes = DefaultMaxBytes) => WriteFrom(directory, directory, maxBytes);

    /// <summary>
    /// The page of an export as it is written: into <paramref name="directory"/>, from its tables (an xlsx export's
    /// tables are still spooled as CSV in its <see cref="OutputFolder.SpoolDir"/> then).
    /// </summary>
    internal static string WriteFor(string directory, ExportFormat format)
        => WriteFrom(format == ExportFormat.Xlsx ? OutputFolder.SpoolDir(directory) : directory, directory, DefaultMaxBytes);

    private static string WriteFrom(string tables, string directory, long maxBytes)
    {
        var html = Render(tables, maxBytes);
        var path = Path.Combine(directory, FileName);
        var temp = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, html, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return path;
    }

    /// <summary>The page of an export folder as text (what <see cref="Write"/> writes).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="InvalidDataException">The folder is not an export folder, or a table is damaged.</exception>
    /// <exception cref="IOException">A table cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be read.</exception>
    public static string Render(string directory, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var format = OutputFolder.Detect(directory) ?? throw new InvalidDataException($"{directory}: no files.csv, files.jsonl or files.parquet: not an export folder");
        try
        {
            return QualityPage.Build((table, read) => Read(directory, format, table, read), maxBytes);
        }
        catch (Exception ex) when (ex is CsvHelper.CsvHelperException or System.Text.Json.JsonException or FormatException or OverflowException or Parquet.ParquetException)
        {
            throw new InvalidDataException($"{directory}: a table cannot be read: {ex.Message}", ex);
        }
    }

    private static bool Read(string dir, ExportFormat format, string table, Action<IReadOnlyList<string>, IEnumerable<string[]>> read)
    {
        var schema = ExportTables.Written.FirstOrDefault(t => t.Name == table);
        var path = Path.Combine(dir, table + OutputFolder.Extension(format));
        if (!File.Exists(path)) return false;
        ITableReader? reader = schema is not null ? OutputFolder.Open(dir, schema, format)
            : format == ExportFormat.Csv ? new CsvTableReader(path)
            : format == ExportFormat.Parquet ? new ParquetTableReader(path)
            : null;
        if (reader is null) return false;
        using (reader) read(reader.Columns, reader.Rows());
        return true;
    }
}
