using Parquet;
using Parquet.Schema;

namespace ReportParser.Batch.IO;

/// <summary>Reads a Parquet table back row group by row group; the columns are the file's schema.</summary>
internal sealed class ParquetTableReader : ITableReader
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;

    public ParquetTableReader(string path)
    {
        _stream = File.OpenRead(path);
        _reader = ParquetReader.CreateAsync(_stream).GetAwaiter().GetResult();
        _fields = _reader.Schema.GetDataFields();
        Columns = _fields.Select(f => f.Name).ToArray();
    }

    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<string[]> Rows()
    {
        for (int g = 0; g < _reader.RowGroupCount; g++)
        {
            string?[][] columns;
            long count;
            using (var group = _reader.OpenRowGroupReader(g))
            {
                count = group.RowCount;
                columns = new string?[_fields.Length][];
                for (int i = 0; i < _fields.Length; i++)
                {
                    var values = new string?[count];
                    group.ReadAsync(_fields[i], values.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                    columns[i] = values;
                }
            }
            for (long r = 0; r < count; r++)
            {
                var row = new string[_fields.Length];
                for (int i = 0; i < row.Length; i++) row[i] = columns[i][r] ?? "";
                yield return row;
            }
        }
    }

    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
