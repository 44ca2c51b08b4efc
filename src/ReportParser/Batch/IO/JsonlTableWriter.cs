using System.Globalization;
using System.Text.Json;
using ReportParser.Export;

namespace ReportParser.Batch.IO;

/// <summary>
/// One flat JSON object per line, the keys in column order, Chinese text unescaped; the numeric columns of the schema as
/// JSON numbers (as printed: <c>12.50</c> stays <c>12.50</c>), text as strings, empty values as <c>null</c>.
/// </summary>
internal sealed class JsonlTableWriter : IAppendableTableWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly JsonEncodedText[] _names;
    private readonly bool[] _numeric;

    public JsonlTableWriter(string path, IReadOnlyList<string> columns, IReadOnlyList<ColumnType> types)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), columns, types)
    {
    }

    private JsonlTableWriter(FileStream stream, IReadOnlyList<string> columns, IReadOnlyList<ColumnType> types)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(_stream, Options);
        _names = columns.Select(c => JsonEncodedText.Encode(c, Options.Encoder)).ToArray();
        _numeric = types.Select(t => t is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Decimal).ToArray();
    }

    public void Write(IReadOnlyList<string?> row)
    {
        _json.WriteStartObject();
        for (int i = 0; i < row.Count; i++)
        {
            var v = row[i];
            if (string.IsNullOrEmpty(v)) _json.WriteNull(_names[i]);
            else if (_numeric[i] && decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) _json.WriteNumber(_names[i], d);
            else _json.WriteString(_names[i], v);
        }
        _json.WriteEndObject();
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    /// <summary>Continues a JSONL table written up to <paramref name="length"/> bytes, dropping what follows.</summary>
    public static JsonlTableWriter Append(string path, long length, IReadOnlyList<string> columns, IReadOnlyList<ColumnType> types)
        => new(AppendableFile.OpenAt(path, length), columns, types);

    /// <inheritdoc/>
    public long Flush()
    {
        _stream.Flush();
        return _stream.Position;
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
