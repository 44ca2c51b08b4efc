using Parquet;
using ReportParser.Export;

namespace ReportParser.Batch.IO;

/// <summary>
/// Reads a Parquet table back row group by row group as invariant text (the text the schema gives, so a merge writes
/// the same values again); the columns and their types are the file's schema.
/// </summary>
internal sealed class ParquetTableReader : ITableReader
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly ParquetColumn[] _columns;

    public ParquetTableReader(string path)
    {
        _stream = File.OpenRead(path);
        _reader = ParquetReader.CreateAsync(_stream, ParquetColumn.ReaderOptions).GetAwaiter().GetResult();
        var fields = _reader.Schema.GetDataFields();
        Columns = fields.Select(f => f.Name).ToArray();
        Types = fields.Select(ParquetColumn.TypeOf).ToArray();
        _columns = fields.Select(ParquetColumn.Create).ToArray();
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The column types as the file stores them (<see cref="ColumnType.Text"/> for a type the schema has no name for).</summary>
    public IReadOnlyList<ColumnType> Types { get; }

    public IEnumerable<string[]> Rows()
    {
        for (int g = 0; g < _reader.RowGroupCount; g++)
        {
            string?[][] columns;
            long count;
            using (var group = _reader.OpenRowGroupReader(g))
            {
                count = group.RowCount;
                columns = new string?[_columns.Length][];
                for (int i = 0; i < _columns.Length; i++) columns[i] = _columns[i].Read(group, count);
            }
            for (long r = 0; r < count; r++)
            {
                var row = new string[_columns.Length];
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
