using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Parquet;
using Parquet.Schema;

namespace ReportParser.Cli.Batch;

/// <summary>The output formats of export and merge.</summary>
internal enum OutputFormat
{
    Csv,
    Jsonl,
    Parquet,
}

/// <summary>The four output tables, their columns (the one place they are defined) and the file names.</summary>
internal static class OutputTables
{
    public const string Files = "files";
    public const string Cells = "cells";
    public const string Reports = "reports";
    public const string Diagnostics = "diagnostics";

    public static readonly string[] Names = { Files, Cells, Reports, Diagnostics };

    public static readonly string[] FileColumns = { "file", "status", "reason", "source", "index", "bytes", "cells", "errors", "warnings", "infos" };

    public static readonly string[] CellColumns = { "file", "agency", "year", "template", "table", "row", "column", "value", "raw", "line", "source", "page" };

    public static readonly string[] ReportMetaColumns = { "file", "source", "agency", "year", "template", "published_on", "title", "status", "errors", "warnings", "infos", "sha256", "tables_hash" };

    public static readonly string[] ReportColumns = ReportMetaColumns.Concat(Export.ReportCellKeys.All).ToArray();

    public static readonly string[] DiagnosticColumns = { "file", "code", "severity", "rule", "message", "location" };

    public static string[] Columns(string table) => table switch
    {
        Files => FileColumns,
        Cells => CellColumns,
        Reports => ReportColumns,
        _ => DiagnosticColumns,
    };

    public static string Extension(OutputFormat f) => f switch { OutputFormat.Jsonl => ".jsonl", OutputFormat.Parquet => ".parquet", _ => ".csv" };

    public static string PathOf(string dir, string table, OutputFormat f) => Path.Combine(dir, table + Extension(f));

    /// <summary>The format of an output folder, from the files.* it holds.</summary>
    public static OutputFormat? Detect(string dir)
    {
        foreach (var f in new[] { OutputFormat.Csv, OutputFormat.Jsonl, OutputFormat.Parquet })
        {
            if (File.Exists(PathOf(dir, Files, f))) return f;
        }
        return null;
    }

    public static ITableWriter Create(string dir, string table, OutputFormat format, bool excelBom)
    {
        var path = PathOf(dir, table, format);
        var columns = Columns(table);
        return format switch
        {
            OutputFormat.Jsonl => new JsonlTableWriter(path, columns),
            OutputFormat.Parquet => new ParquetTableWriter(path, columns, table == Reports ? 2_000 : 50_000),
            _ => new CsvTableWriter(path, columns, excelBom),
        };
    }

    public static ITableReader Open(string dir, string table, OutputFormat format)
    {
        var path = PathOf(dir, table, format);
        return format switch
        {
            OutputFormat.Jsonl => new JsonlTableReader(path, Columns(table)),
            OutputFormat.Parquet => new ParquetTableReader(path),
            _ => new CsvTableReader(path),
        };
    }
}

/// <summary>Writes rows of strings; an empty string or null is "no value".</summary>
internal interface ITableWriter : IDisposable
{
    void Write(IReadOnlyList<string?> row);
}

/// <summary>Reads rows back, in file order, with <see cref="Columns"/> as written.</summary>
internal interface ITableReader : IDisposable
{
    IReadOnlyList<string> Columns { get; }

    IEnumerable<string[]> Rows();
}

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

internal sealed class CsvTableReader : ITableReader
{
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;

    public CsvTableReader(string path)
    {
        _reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        _parser = new CsvParser(_reader, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        Columns = _parser.Read() ? _parser.Record! : Array.Empty<string>();
    }

    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<string[]> Rows()
    {
        while (_parser.Read()) yield return _parser.Record!;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }
}

internal sealed class JsonlTableWriter : ITableWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly JsonEncodedText[] _names;

    public JsonlTableWriter(string path, IReadOnlyList<string> columns)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _json = new Utf8JsonWriter(_stream, Options);
        _names = columns.Select(c => JsonEncodedText.Encode(c, Options.Encoder)).ToArray();
    }

    public void Write(IReadOnlyList<string?> row)
    {
        _json.WriteStartObject();
        for (int i = 0; i < row.Count; i++)
        {
            if (string.IsNullOrEmpty(row[i])) _json.WriteNull(_names[i]);
            else _json.WriteString(_names[i], row[i]);
        }
        _json.WriteEndObject();
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}

internal sealed class JsonlTableReader : ITableReader
{
    private readonly StreamReader _reader;

    public JsonlTableReader(string path, IReadOnlyList<string> columns)
    {
        _reader = new StreamReader(path, Encoding.UTF8);
        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<string[]> Rows()
    {
        string? line;
        while ((line = _reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var row = new string[Columns.Count];
            int i = 0;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (i >= row.Length) break;
                row[i++] = p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.GetString() ?? "";
            }
            for (; i < row.Length; i++) row[i] = "";
            yield return row;
        }
    }

    public void Dispose() => _reader.Dispose();
}

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
