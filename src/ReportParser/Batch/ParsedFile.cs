using System.Runtime.InteropServices;
using ReportParser.Export;
using ReportParser.Validation;

namespace ReportParser.Batch;

/// <summary>
/// Everything <see cref="ReportExporter"/> writes for one input file: its row of the files table, its rows of the cells,
/// reports and diagnostics tables (as the field values the table writers take) and the small summary the cross-report
/// checks need. A <see cref="FileParseRunner"/> returns one per file; <see cref="WriteTo"/> and <see cref="ReadFrom"/>
/// carry it between processes of the same version exactly, so a file parsed in a worker process is written byte for
/// byte as if it had been parsed in the exporter's own process.
/// </summary>
public sealed class ParsedFile
{
    private const int FormatVersion = 2;
    private static readonly int CodeColumn = DiagnosticRow.Schema.IndexOf("code");

    private ParsedFile(FileRow row, List<string?[]> cells, string?[]? report, List<string?[]> diagnostics, CrossYearSummary? summary)
    {
        Row = row;
        Cells = cells;
        Report = report;
        Diagnostics = diagnostics;
        Summary = summary;
    }

    /// <summary>The file's row of the files table (identity, status, reason, counts).</summary>
    public FileRow Row { get; }

    /// <summary>What became of the file.</summary>
    public ReportStatus Status => Row.Status;

    /// <summary>Why the file has its <see cref="Status"/>; empty for <see cref="ReportStatus.Parsed"/>.</summary>
    public string Reason => Row.Reason;

    internal List<string?[]> Cells { get; }

    internal string?[]? Report { get; }

    internal List<string?[]> Diagnostics { get; }

    internal CrossYearSummary? Summary { get; }

    /// <summary>The SHA-256 of the file's bytes (lower-case hex) when they were read, for the manifest's list of inputs.</summary>
    internal string? Sha256 { get; private init; }

    /// <summary>The printed diagnostic code (<c>RP4001</c>) of each row of <see cref="Diagnostics"/>.</summary>
    internal IEnumerable<string> Codes => Diagnostics.Select(d => d[CodeColumn] ?? "");

    /// <summary>Reads and parses one file in this process, as the exporter does by default; never throws for a bad file.</summary>
    /// <param name="file">The file; when its <see cref="InputFile.Status"/> is set, it is listed with that status without being read.</param>
    /// <param name="options">The export's options (<see cref="ExportOptions.ParserOptions"/> are used; the time limit is the runner's business).</param>
    /// <param name="cancellationToken">Checked before the file is read.</param>
    /// <returns>The file's rows.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="OutOfMemoryException">The parse ran out of memory (a worker process reports it as <see cref="ReportStatus.Crashed"/>).</exception>
    public static ParsedFile Parse(InputFile file, ExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        if (file.Status is ReportStatus status) return Failed(file, status, file.Reason, file.Bytes?.LongLength);
        return From(ReportExporter.Process(file, options, cancellationToken));
    }

    /// <summary>A file that produced no rows: listed in the files table alone, with a status and reason (a worker that timed out or crashed).</summary>
    /// <param name="file">The file.</param>
    /// <param name="status">Its status.</param>
    /// <param name="reason">Why; absolute paths in it are shortened to their last part.</param>
    /// <param name="bytes">Its size, when known.</param>
    /// <returns>The file's single row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> or <paramref name="reason"/> is null.</exception>
    public static ParsedFile Failed(InputFile file, ReportStatus status, string reason, long? bytes = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(reason);
        var row = new FileRow(file.File, status, Reasons.WithoutPaths(reason), file.Source, file.Index, bytes ?? file.Bytes?.LongLength, 0, 0, 0, 0);
        var sha = file.Bytes is { } b ? ReportFingerprints.Sha256(b) : null;
        return new ParsedFile(row, [], null, [], null) { Sha256 = sha };
    }

    internal static ParsedFile From(FileOutcome o)
        => new(o.ToRow(), o.Cells.ConvertAll(CellRow.Schema.Fields), o.Report is { } r ? WideReportRow.Schema.Fields(r) : null,
            o.Diagnostics.ConvertAll(DiagnosticRow.Schema.Fields), o.Summary) { Sha256 = o.Sha256 };

    /// <summary>Writes this file's rows in a compact binary form that <see cref="ReadFrom"/> of the same library version reads back exactly.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(FormatVersion);
        var r = Row;
        WriteString(w, r.File);
        w.Write((int)r.Status);
        WriteString(w, r.Reason);
        WriteString(w, r.Source);
        w.Write(r.Index);
        w.Write(r.Bytes ?? -1);
        w.Write(r.Cells);
        w.Write(r.Errors);
        w.Write(r.Warnings);
        w.Write(r.Infos);
        WriteRows(w, Cells);
        WriteRows(w, Report is null ? [] : [Report]);
        WriteRows(w, Diagnostics);
        WriteSummary(w, Summary);
        WriteString(w, Sha256);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote.</summary>
    /// <param name="stream">Where to read from; left open.</param>
    /// <returns>The file's rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The data is not what <see cref="WriteTo"/> of this version writes.</exception>
    /// <exception cref="EndOfStreamException">The data ends early.</exception>
    public static ParsedFile ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var rd = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (rd.ReadInt32() != FormatVersion) throw new InvalidDataException("not a parsed file of this version");
        var file = ReadString(rd) ?? "";
        int status = rd.ReadInt32();
        if (!Enum.IsDefined((ReportStatus)status)) throw new InvalidDataException("unknown status");
        var reason = ReadString(rd) ?? "";
        var source = ReadString(rd) ?? "";
        long index = rd.ReadInt64(), bytes = rd.ReadInt64();
        var row = new FileRow(file, (ReportStatus)status, reason, source, index, bytes < 0 ? null : bytes, rd.ReadInt32(), rd.ReadInt32(), rd.ReadInt32(), rd.ReadInt32());
        var cells = ReadRows(rd, CellRow.Schema.Columns.Count);
        var reports = ReadRows(rd, WideReportRow.Schema.Columns.Count);
        var diagnostics = ReadRows(rd, DiagnosticRow.Schema.Columns.Count);
        var summary = ReadSummary(rd);
        return new ParsedFile(row, cells, reports.Count > 0 ? reports[0] : null, diagnostics, summary) { Sha256 = ReadString(rd) };
    }

    /// <summary>A string as its UTF-16 code units, so every string (lone surrogates included) comes back unchanged.</summary>
    internal static void WriteString(BinaryWriter w, string? s)
    {
        if (s is null)
        {
            w.Write(-1);
            return;
        }
        w.Write(s.Length);
        w.Write(MemoryMarshal.AsBytes(s.AsSpan()));
    }

    internal static string? ReadString(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0) return null;
        var bytes = r.ReadBytes(checked(n * 2));
        if (bytes.Length != n * 2) throw new EndOfStreamException();
        return new string(MemoryMarshal.Cast<byte, char>(bytes));
    }

    private static void WriteRows(BinaryWriter w, List<string?[]> rows)
    {
        w.Write(rows.Count);
        foreach (var row in rows)
        {
            w.Write(row.Length);
            foreach (var f in row) WriteString(w, f);
        }
    }

    private static List<string?[]> ReadRows(BinaryReader r, int columns)
    {
        int n = r.ReadInt32();
        if (n < 0) throw new InvalidDataException("negative row count");
        var rows = new List<string?[]>(Math.Min(n, 1 << 16));
        for (int i = 0; i < n; i++)
        {
            if (r.ReadInt32() != columns) throw new InvalidDataException("a row has the wrong number of fields");
            var row = new string?[columns];
            for (int c = 0; c < columns; c++) row[c] = ReadString(r);
            rows.Add(row);
        }
        return rows;
    }

    private static void WriteSummary(BinaryWriter w, CrossYearSummary? s)
    {
        w.Write(s is not null);
        if (s is null) return;
        w.Write(s.Index);
        WriteString(w, s.File);
        WriteString(w, s.Agency);
        w.Write(s.Year ?? int.MinValue);
        WriteString(w, s.ContentHash);
        WriteString(w, s.TablesHash);
        WriteDecimals(w, s.CarriedOver);
        WriteDecimals(w, s.CarriedForward);
        w.Write(s.Sentences.Count);
        foreach (var f in s.Sentences)
        {
            w.Write(f.Hash);
            w.Write(f.Length);
        }
        w.Write(s.TableFingerprints.Count);
        foreach (var t in s.TableFingerprints)
        {
            WriteString(w, t.Table);
            WriteString(w, t.Detail);
            WriteString(w, t.Full);
        }
    }

    private static CrossYearSummary? ReadSummary(BinaryReader r)
    {
        if (!r.ReadBoolean()) return null;
        long index = r.ReadInt64();
        var file = ReadString(r) ?? "";
        var agency = ReadString(r);
        int year = r.ReadInt32();
        var contentHash = ReadString(r);
        var tablesHash = ReadString(r);
        var summary = new CrossYearSummary(index, file, agency, year == int.MinValue ? null : year, contentHash, tablesHash, ReadDecimals(r), ReadDecimals(r));
        var sentences = new SentenceFingerprint[Count(r)];
        for (int i = 0; i < sentences.Length; i++) sentences[i] = new SentenceFingerprint(r.ReadUInt64(), r.ReadInt32());
        var tables = new TableFingerprint[Count(r)];
        for (int i = 0; i < tables.Length; i++) tables[i] = new TableFingerprint(ReadString(r) ?? "", ReadString(r), ReadString(r) ?? "");
        return summary with { Sentences = sentences, TableFingerprints = tables };
    }

    private static int Count(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n is < 0 or > 1 << 20) throw new InvalidDataException("bad count");
        return n;
    }

    private static void WriteDecimals(BinaryWriter w, IReadOnlyList<decimal?> values)
    {
        w.Write(values.Count);
        foreach (var v in values)
        {
            w.Write(v.HasValue);
            if (v is decimal d) w.Write(d);
        }
    }

    private static decimal?[] ReadDecimals(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n is < 0 or > 1 << 16) throw new InvalidDataException("bad value count");
        var values = new decimal?[n];
        for (int i = 0; i < n; i++) values[i] = r.ReadBoolean() ? r.ReadDecimal() : null;
        return values;
    }
}
