using System.Text;

namespace ReportParser.Batch.IO;

/// <summary>
/// RFC 4180 CSV, LF line ends, UTF-8: a field is quoted when it holds a comma, a quote, a line break or leading or
/// trailing spaces (as CsvHelper does). Written directly rather than through CsvHelper's writer: at millions of cells
/// per run its per-field overhead was most of the export's time; files are read back with CsvHelper's parser.
/// With <c>excelBom</c> the file starts with a UTF-8 byte-order mark and the text columns are made Excel-safe
/// (<see cref="ExcelSafeText"/>).
/// </summary>
internal sealed class CsvTableWriter : IAppendableTableWriter
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\"\r\n");
    private readonly StreamWriter _writer;
    private readonly bool[]? _escape;

    public CsvTableWriter(string path, IReadOnlyList<string> columns, bool excelBom, IReadOnlyList<Export.ColumnType>? types = null)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(excelBom), 1 << 16);
        WriteFields(columns);
        if (excelBom && types is not null) _escape = types.Select(t => t == Export.ColumnType.Text).ToArray();
    }

    private CsvTableWriter(FileStream stream) => _writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);

    /// <summary>Continues a plain CSV table (no byte-order mark, no Excel escapes) written up to <paramref name="length"/> bytes, dropping what follows.</summary>
    public static CsvTableWriter Append(string path, long length) => new(AppendableFile.OpenAt(path, length));

    /// <inheritdoc/>
    public long Flush()
    {
        _writer.Flush();
        return _writer.BaseStream.Position;
    }

    public void Write(IReadOnlyList<string?> row)
    {
        if (_escape is null)
        {
            WriteFields(row);
            return;
        }
        var safe = new string?[row.Count];
        for (int i = 0; i < safe.Length; i++) safe[i] = i < _escape.Length && _escape[i] ? ExcelSafeText.Escape(row[i]) : row[i];
        WriteFields(safe);
    }

    private void WriteFields(IReadOnlyList<string?> row)
    {
        for (int i = 0; i < row.Count; i++)
        {
            if (i > 0) _writer.Write(',');
            var f = row[i];
            if (string.IsNullOrEmpty(f)) continue;
            if (f.AsSpan().IndexOfAny(Special) < 0 && f[0] != ' ' && f[^1] != ' ')
            {
                _writer.Write(f);
                continue;
            }
            _writer.Write('"');
            int start = 0;
            for (int q; (q = f.IndexOf('"', start)) >= 0; start = q + 1)
            {
                _writer.Write(f.AsSpan(start, q + 1 - start));
                _writer.Write('"');
            }
            _writer.Write(f.AsSpan(start));
            _writer.Write('"');
        }
        _writer.Write('\n');
    }

    public void Dispose() => _writer.Dispose();
}
