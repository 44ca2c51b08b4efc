using System.Text;
using System.Text.Json;

namespace ReportParser.Batch.IO;

/// <summary>Reads a JSONL table back (numbers as printed, null as empty); the values are taken in key order, so the columns are the schema's.</summary>
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
