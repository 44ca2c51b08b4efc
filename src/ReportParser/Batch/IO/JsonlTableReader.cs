using System.Text;
using System.Text.Json;

namespace ReportParser.Batch.IO;

/// <summary>
/// Reads a JSONL table back (numbers as printed, null as empty); the values are taken in key order. The columns are the
/// keys of the first object (the schema's columns when the file has no rows).
/// </summary>
internal sealed class JsonlTableReader : ITableReader
{
    private readonly StreamReader _reader;

    public JsonlTableReader(string path, IReadOnlyList<string> columns)
    {
        _reader = new StreamReader(path, Encoding.UTF8);
        Columns = columns;
        while ((_first = _reader.ReadLine()) is { Length: 0 }) { }
        if (_first is null) return;
        using var doc = JsonDocument.Parse(_first);
        Columns = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
    }

    private string? _first;

    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<string[]> Rows()
    {
        string? line = _first;
        _first = null;
        for (; line is not null; line = _reader.ReadLine())
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var row = new string[Columns.Count];
            int i = 0;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (i >= row.Length) break;
                row[i++] = Text(p.Value);
            }
            for (; i < row.Length; i++) row[i] = "";
            yield return row;
        }
    }

    /// <summary>A value as the schema's text: a number as printed, null as empty.</summary>
    private static string Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.Number => v.GetRawText(),
        _ => v.GetString() ?? "",
    };

    public void Dispose() => _reader.Dispose();
}
