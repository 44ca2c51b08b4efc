using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReportParser.Batch;

/// <summary>One finished file as the journal records it: its place, identity, status, size and SHA-256, and the length of each journaled table after its rows.</summary>
internal sealed record JournalEntry(long N, long Index, string File, string Status, long? Bytes, string? Sha256, long[] Offsets);

/// <summary>Where a resumed run continues: files already written, the last one's identity, and the tables' lengths after it.</summary>
internal sealed record ResumePoint(long Files, string? LastFile, long[] Offsets, int Resumed);

/// <summary>
/// <c>export.journal</c>, the append-only journal of an export in progress (in its staging folder). The first line is a
/// header: the journal version, the tool version, the run's <see cref="ExportManifest.Settings"/> and the tables'
/// lengths after their headers. Then one JSON line per file written, in input order, appended and flushed after the
/// file's rows are flushed: its number in the run, index, identity, status, size, SHA-256 and the length of each table of
/// <see cref="StagedTables.Journaled"/> after its rows. A line cut by a kill is dropped when the run is resumed. The
/// journal is also the list of input files the manifest gives.
/// </summary>
internal sealed class ExportJournal : IDisposable
{
    /// <summary>The journal's file name in the staging folder.</summary>
    public const string FileName = "export.journal";

    private const int Version = 1;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FileStream _stream;
    private readonly ArrayBufferWriterStream _line = new();

    private ExportJournal(FileStream stream) => _stream = stream;

    public static string PathIn(string staging) => Path.Combine(staging, FileName);

    /// <summary>Starts the journal of a new run.</summary>
    public static ExportJournal Create(string staging, JsonObject settings, long[] offsets)
    {
        var journal = new ExportJournal(new FileStream(PathIn(staging), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096));
        var header = new JsonObject
        {
            ["journal"] = Version,
            ["tool"] = ExportManifest.ToolVersion,
            ["settings"] = settings.DeepClone(),
            ["offsets"] = new JsonArray(offsets.Select(o => (JsonNode?)o).ToArray()),
            ["resumed"] = 0,
        };
        journal.WriteLine(w => header.WriteTo(w));
        return journal;
    }

    /// <summary>
    /// Opens the journal of an interrupted run to continue it: checks that it was written by this tool version with the same
    /// settings, drops a last line cut by a kill, appends a line marking the resumption, and says where to continue.
    /// </summary>
    /// <exception cref="ExportFolderException">The journal is damaged, or the run had another tool version, other inputs or other options.</exception>
    public static (ExportJournal Journal, ResumePoint Point) Resume(string staging, string dir, JsonObject settings)
    {
        var path = PathIn(staging);
        var (lines, goodLength) = ReadLines(path);
        if (lines.Count == 0) throw new ExportFolderException($"{dir}: the journal of the interrupted run is empty; start again with --overwrite");
        var header = Parse(lines[0], dir) as JsonObject;
        if (header?["journal"]?.GetValue<int>() != Version) throw new ExportFolderException($"{dir}: the journal is not one this version writes; start again with --overwrite");
        var tool = header["tool"]?.GetValue<string>();
        if (tool != ExportManifest.ToolVersion)
            throw new ExportFolderException($"{dir}: the interrupted run was written by ReportParser {tool}, this is {ExportManifest.ToolVersion}: resume it with that version, or start again with --overwrite");
        if (header["settings"] is not JsonObject old) throw new ExportFolderException($"{dir}: the journal header has no settings; start again with --overwrite");
        if (Difference(old, settings) is { } difference)
            throw new ExportFolderException($"{dir}: --resume needs the inputs and options of the interrupted run: {difference}; run it as it was, or start again with --overwrite");
        var offsets = Offsets(header["offsets"], dir);
        int resumed = header["resumed"]?.GetValue<int>() ?? 0;
        long files = 0;
        string? last = null;
        foreach (var line in lines.Skip(1))
        {
            var node = Parse(line, dir);
            if (node?["resume"] is not null)
            {
                resumed++;
                continue;
            }
            var e = Entry(node, dir);
            if (e.N != files + 1) throw new ExportFolderException($"{dir}: the journal skips from file {files} to {e.N}: it is damaged; start again with --overwrite");
            files = e.N;
            last = e.File;
            offsets = e.Offsets;
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 4096);
        stream.SetLength(goodLength);
        stream.Seek(goodLength, SeekOrigin.Begin);
        var journal = new ExportJournal(stream);
        journal.WriteLine(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("resume", resumed + 1);
            w.WriteNumber("after", files);
            w.WriteEndObject();
        });
        return (journal, new ResumePoint(files, last, offsets, resumed + 1));
    }

    /// <summary>The first input list or option that differs between two <see cref="ExportManifest.Settings"/>, in words; null when none does.</summary>
    public static string? Difference(JsonObject old, JsonObject now)
    {
        if (Canonical(old["inputs"]) != Canonical(now["inputs"])) return $"the inputs were {Canonical(old["inputs"])}, now {Canonical(now["inputs"])}";
        var a = old["options"] as JsonObject ?? new JsonObject();
        var b = now["options"] as JsonObject ?? new JsonObject();
        foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            if (Canonical(a[key]) != Canonical(b[key])) return $"{key} was {Canonical(a[key])}, now {Canonical(b[key])}";
        }
        return null;
    }

    /// <summary>A node as compact JSON text, re-read so that a created and a parsed node print alike.</summary>
    public static string Canonical(JsonNode? node) => node is null ? "null" : JsonNode.Parse(node.ToJsonString())!.ToJsonString();

    /// <summary>Records a file whose rows are flushed; the line is flushed before returning.</summary>
    public void Append(long n, ParsedFile file, long[] offsets)
    {
        WriteLine(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("n", n);
            w.WriteNumber("index", file.Row.Index);
            w.WriteString("file", file.Row.File);
            w.WriteString("status", file.Status.ToText());
            if (file.Row.Bytes is long b) w.WriteNumber("bytes", b);
            else w.WriteNull("bytes");
            if (file.Sha256 is { } sha) w.WriteString("sha256", sha);
            else w.WriteNull("sha256");
            w.WriteStartArray("offsets");
            foreach (var o in offsets) w.WriteNumberValue(o);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private void WriteLine(Action<Utf8JsonWriter> write)
    {
        _line.Reset();
        using (var w = new Utf8JsonWriter(_line, WriterOptions)) write(w);
        _line.WriteByte((byte)'\n');
        _stream.Write(_line.Written);
        _stream.Flush();
    }

    /// <summary>The files a journal records, in order (for the manifest); resumption marks are skipped.</summary>
    public static IEnumerable<JournalEntry> Entries(string staging)
    {
        var path = PathIn(staging);
        using var reader = new StreamReader(path, Encoding.UTF8);
        reader.ReadLine();
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            var node = JsonNode.Parse(line);
            if (node?["resume"] is not null) continue;
            yield return Entry(node, path);
        }
    }

    /// <summary>The complete lines of the journal and the length they take (a last line without its line end was cut by a kill).</summary>
    private static (List<string> Lines, long Length) ReadLines(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var lines = new List<string>();
        int start = 0;
        for (int i; (i = Array.IndexOf(bytes, (byte)'\n', start)) >= 0; start = i + 1) lines.Add(Encoding.UTF8.GetString(bytes, start, i - start));
        return (lines, start);
    }

    private static JsonNode? Parse(string line, string dir)
    {
        try
        {
            return JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            throw new ExportFolderException($"{dir}: a line of the journal is damaged; start again with --overwrite");
        }
    }

    private static long[] Offsets(JsonNode? node, string dir)
        => node is JsonArray a && a.Count == StagedTables.Journaled.Count ? a.Select(v => v!.GetValue<long>()).ToArray()
            : throw new ExportFolderException($"{dir}: the journal's table lengths are damaged; start again with --overwrite");

    private static JournalEntry Entry(JsonNode? node, string dir)
    {
        try
        {
            if (node?["n"] is JsonValue n && node["index"] is JsonValue index && node["file"] is JsonValue file && node["status"] is JsonValue status)
            {
                return new JournalEntry(n.GetValue<long>(), index.GetValue<long>(), file.GetValue<string>(), status.GetValue<string>(),
                    node["bytes"]?.GetValue<long>(), node["sha256"]?.GetValue<string>(), Offsets(node["offsets"], dir));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // A value of the wrong kind: damaged, as below.
        }
        throw new ExportFolderException($"{dir}: a line of the journal is damaged; start again with --overwrite");
    }

    public void Dispose()
    {
        _stream.Dispose();
        _line.Dispose();
    }

    /// <summary>A reusable in-memory stream for one journal line.</summary>
    private sealed class ArrayBufferWriterStream : MemoryStream
    {
        public ReadOnlySpan<byte> Written => GetBuffer().AsSpan(0, (int)Length);

        public void Reset() => SetLength(0);
    }
}
