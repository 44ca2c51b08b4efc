using Parquet;
using Parquet.Schema;
using ReportParser.Export;

namespace ReportParser.Batch.IO;

/// <summary>Each column typed from the table's <see cref="RowSchema.Types"/> (fixed by the tool version, so every shard has one schema), null when no value; rows buffered per row group.</summary>
internal sealed class ParquetTableWriter : ITableWriter
{
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly ParquetColumn[] _columns;
    private readonly int _rowGroupSize;
    private int _buffered;

    public ParquetTableWriter(string path, IReadOnlyList<string> columns, IReadOnlyList<ColumnType> types, int rowGroupSize)
    {
        _rowGroupSize = rowGroupSize;
        _columns = columns.Select((c, i) => ParquetColumn.Create(c, types[i])).ToArray();
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_columns.Select(c => (Field)c.Field).ToArray()), _stream).GetAwaiter().GetResult();
    }

    public void Write(IReadOnlyList<string?> row)
    {
        for (int i = 0; i < _columns.Length; i++) _columns[i].Add(row[i]);
        if (++_buffered >= _rowGroupSize) Flush();
    }

    private void Flush()
    {
        if (_buffered == 0) return;
        using (var group = _writer.CreateRowGroup())
        {
            foreach (var c in _columns) c.Flush(group);
        }
        _buffered = 0;
    }

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
