using System.Text.Json;

namespace ReportParser.Batch.IO;

/// <summary>One JSON object per line, the keys in column order, empty values as <c>null</c>, Chinese text unescaped.</summary>
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
