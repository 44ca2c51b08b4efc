using System.Text.Json.Nodes;
using ReportParser.Export;

namespace ReportParser.Batch;

/// <summary>
/// The manifests of the folders a merge reads, checked before any row is: each folder holds a finished export (its
/// <c>manifest.json</c>), of one manifest version and tool version, with the same inputs and the same options but for
/// format, Excel mark and shard, the same shard count N, no shard twice, every table as the manifest hashed it, and all
/// N shards present unless a partial merge is allowed.
/// </summary>
internal sealed class ShardManifests
{
    private readonly List<JsonObject> _manifests;

    private ShardManifests(List<JsonObject> manifests, List<ExportFormat> formats, JsonArray merged, List<int> missing)
    {
        _manifests = manifests;
        Formats = formats;
        Merged = merged;
        Missing = missing;
        var settings = new JsonObject { ["inputs"] = manifests[0]["inputs"]!.DeepClone(), ["options"] = manifests[0]["options"]!.DeepClone() };
        settings["options"]!.AsObject().Remove("jobs");
        Settings = settings;
    }

    /// <summary>The inputs and options of the shards (the first shard's: they agree but for format, Excel mark and shard).</summary>
    public JsonObject Settings { get; }

    /// <summary>Each folder's format, as its manifest gives it (so a stale table of another format is never read): csv, jsonl or parquet, with every table present.</summary>
    public List<ExportFormat> Formats { get; }

    /// <summary>The folders merged, for the merged manifest: folder, shard, tool version, end time.</summary>
    public JsonArray Merged { get; }

    /// <summary>The shards (K of K/N) not among the folders; empty for a complete merge.</summary>
    public List<int> Missing { get; }

    /// <exception cref="ShardMergeException">A folder has no manifest, or the manifests disagree, or a shard is missing and <paramref name="allowPartial"/> is false.</exception>
    public static ShardManifests Check(IReadOnlyList<string> dirs, bool allowPartial)
    {
        var manifests = new List<JsonObject>();
        var formats = new List<ExportFormat>();
        var merged = new JsonArray();
        var shardOf = new Dictionary<int, string>();
        int n = 0;
        foreach (var d in dirs)
        {
            var m = Load(d);
            var options = m["options"] as JsonObject ?? throw new ShardMergeException($"{d}: manifest.json has no options");
            var tool = Text(m["tool"]?["version"]);
            if (manifests.Count > 0) Agree(manifests[0], dirs[0], m, d);
            if (!Shard.TryParse(Text(m["shard"]), out var shard, out _)) throw new ShardMergeException($"{d}: manifest.json has no shard K/N");
            shard = shard.IsAll ? new Shard(1, 1) : shard;
            if (manifests.Count == 0) n = shard.N;
            else if (shard.N != n) throw new ShardMergeException($"{d} is shard {shard}, {dirs[0]} is one of {n}: every shard of one merge must have the same N");
            if (!shardOf.TryAdd(shard.K, d)) throw new ShardMergeException($"{d} and {shardOf[shard.K]} are both shard {shard}: a shard may be merged once");
            if (!Enum.TryParse<ExportFormat>(Text(options["format"]), ignoreCase: true, out var format))
                throw new ShardMergeException($"{d}: manifest.json has no format");
            if (format == ExportFormat.Xlsx) throw new ShardMergeException($"{d}: an xlsx export cannot be merged; export the shards as csv, jsonl or parquet");
            VerifyTables(d, m, format);
            manifests.Add(m);
            formats.Add(format);
            merged.Add(new JsonObject { ["folder"] = d, ["shard"] = shard.ToString(), ["toolVersion"] = tool, ["finished"] = Text(m["finished"]) });
        }
        var missing = Enumerable.Range(1, n).Where(k => !shardOf.ContainsKey(k)).ToList();
        if (missing.Count > 0 && !allowPartial)
            throw new ShardMergeException($"{dirs.Count} of {n} shards given; missing {string.Join(", ", missing.Select(k => $"{k}/{n}"))}: merge all of them, or pass --allow-partial (recorded in the merged manifest)");
        return new ShardManifests(manifests, formats, merged, missing);
    }

    /// <summary>The manifest of a folder, checked for its version.</summary>
    private static JsonObject Load(string d)
    {
        if (!Directory.Exists(d)) throw new ShardMergeException($"{d}: no such folder");
        JsonObject m;
        try
        {
            m = ExportManifest.Read(d) ?? throw new ShardMergeException(Directory.Exists(OutputFolder.StagingDir(d))
                ? $"{d}: no manifest.json: the export into it did not finish; finish it with 'export --resume' (same inputs and options)"
                : $"{d}: no manifest.json: not the folder of a finished export");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ShardMergeException($"{d}: manifest.json is damaged: {ex.Message}", ex);
        }
        if (Int(m["manifestVersion"]) != ExportManifest.Version)
            throw new ShardMergeException($"{d}: manifest.json has manifestVersion {m["manifestVersion"]?.ToJsonString() ?? "null"}; this version reads {ExportManifest.Version}");
        return m;
    }

    /// <summary>Checks that two manifests have one tool version, the same inputs, and the same options but for format, Excel mark and shard.</summary>
    private static void Agree(JsonObject first, string firstDir, JsonObject m, string d)
    {
        var tool = Text(m["tool"]?["version"]);
        if (tool != Text(first["tool"]?["version"]))
            throw new ShardMergeException($"{d} was written by ReportParser {tool}, {firstDir} by {Text(first["tool"]?["version"])}: export every shard with one version");
        var a = new JsonObject { ["inputs"] = first["inputs"]?.DeepClone(), ["options"] = ExportManifest.SharedOptions((JsonObject)first["options"]!) };
        var b = new JsonObject { ["inputs"] = m["inputs"]?.DeepClone(), ["options"] = ExportManifest.SharedOptions((JsonObject)m["options"]!) };
        if (ExportJournal.Difference(a, b) is { } difference)
            throw new ShardMergeException($"{d} and {firstDir} are not shards of one run: {difference}");
    }

    /// <summary>Checks that each table a merge reads is the file the manifest hashed.</summary>
    private static void VerifyTables(string dir, JsonObject manifest, ExportFormat format)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in manifest["outputs"] as JsonArray ?? [])
        {
            if (Text(o?["file"]) is { } f && Text(o?["sha256"]) is { } h) hashes[f] = h;
        }
        foreach (var t in ExportTables.All)
        {
            var name = t.Name + OutputFolder.Extension(format);
            var path = Path.Combine(dir, name);
            if (!File.Exists(path)) throw new ShardMergeException($"{dir}: {name} is missing");
            if (!hashes.TryGetValue(name, out var expected)) throw new ShardMergeException($"{dir}: manifest.json does not list {name}");
            if (ExportManifest.Sha256Of(path) != expected) throw new ShardMergeException($"{path}: its SHA-256 differs from manifest.json: the file is damaged or was changed after the export");
        }
    }

    /// <summary>Every shard's input files, in input order.</summary>
    public IEnumerable<JournalEntry> InputFiles()
    {
        var all = new List<JournalEntry>();
        foreach (var m in _manifests)
        {
            foreach (var f in m["inputFiles"] as JsonArray ?? [])
            {
                if (f is null) continue;
                all.Add(new JournalEntry(0, f["index"]?.GetValue<long>() ?? -1, Text(f["file"]) ?? "", Text(f["status"]) ?? "", f["bytes"]?.GetValue<long>(), Text(f["sha256"]), []));
            }
        }
        return all.OrderBy(e => e.Index);
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
