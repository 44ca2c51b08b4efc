using Parquet;
using Parquet.Schema;

namespace ReportParser.Batch.IO;

/// <summary>Every column a nullable UTF-8 string, so the schema is the same in every format and every shard; rows buffered per row group.</summary>
internal sealed class ParquetTableWriter : ITableWriter
{
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly List<string?>[] _buffer;
    private readonly int _rowGroupSize;

    public ParquetTableWriter(string path, IReadOnlyList<string> columns, int rowGroupSize)
    {
        _rowGroupSize = rowGroupSize;
        _fields = columns.Select(c => (DataField)new DataField<string>(c, true)).ToArray();
        _buffer = columns.Select(_ => new List<string?>()).ToArray();
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream).GetAwaiter().GetResult();
    }

    public void Write(IReadOnlyList<string?> row)
    {
        for (int i = 0; i < _buffer.Length; i++) _buffer[i].Add(string.IsNullOrEmpty(row[i]) ? null : row[i]);
        if (_buffer[0].Count >= _rowGroupSize) Flush();
    }

    private void Flush()
    {
        if (_buffer[0].Count == 0) return;
        using (var group = _writer.CreateRowGroup())
        {
            for (int i = 0; i < _fields.Length; i++) group.WriteAsync(_fields[i], _buffer[i]!, null).GetAwaiter().GetResult();
        }
        foreach (var b in _buffer) b.Clear();
    }

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
