using System.Text;

namespace ReportParser.Batch.IO;

/// <summary>
/// RFC 4180 CSV, LF line ends, UTF-8: a field is quoted when it holds a comma, a quote, a line break or leading or
/// trailing spaces (as CsvHelper does). Written directly rather than through CsvHelper's writer: at millions of cells
/// per run its per-field overhead was most of the export's time; files are read back with CsvHelper's parser.
/// </summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\"\r\n");
    private readonly StreamWriter _writer;

    public CsvTableWriter(string path, IReadOnlyList<string> columns, bool excelBom)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(excelBom), 1 << 16);
        Write(columns);
    }

    public void Write(IReadOnlyList<string?> row)
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
