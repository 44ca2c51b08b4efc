using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReportParser.Batch;

/// <summary>
/// <c>manifest.json</c>, the provenance of an output folder and its completion mark (written last, after every table is
/// in place): the tool version and commit, the command line and effective options, start and end time (UTC, ISO 8601),
/// the input arguments once each, every input file with its size and SHA-256, every output file with its row count and
/// SHA-256, and the shard. <c>merge</c> reads the shards' manifests to check that they belong to one run. The shape is
/// documented in docs/manifest.md.
/// </summary>
internal static class ExportManifest
{
    /// <summary>The <c>manifestVersion</c> written; a reader refuses any other.</summary>
    public const int Version = 1;

    /// <summary>The library's informational version (<c>0.2.0-alpha.0.87+1634ce1e…</c>: version, then the commit).</summary>
    public static string ToolVersion { get; } =
        typeof(ExportManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The commit in the build metadata of an informational version (the last hexadecimal part of 7 or more digits), or null.</summary>
    public static string? Commit(string informationalVersion)
    {
        int plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0) return null;
        return informationalVersion[(plus + 1)..].Split('.').LastOrDefault(p => p.Length >= 7 && p.All(char.IsAsciiHexDigit));
    }

    /// <summary>
    /// What decides a run's outputs: the inputs as given and every option that changes a row (not <see cref="ExportOptions.Jobs"/>,
    /// which changes only the speed). A resumed run must have the same, and the shards of one merge the same but for format and shard.
    /// </summary>
    public static JsonObject Settings(ExportOptions o)
    {
        var p = o.ParserOptions;
        var parser = new JsonObject
        {
            ["expectedYear"] = p.ExpectedYear,
            ["maxInputBytes"] = p.MaxInputBytes,
            ["maxLines"] = p.MaxLines,
            ["maxTableCells"] = p.MaxTableCells,
            ["maxTables"] = p.MaxTables,
            ["timeBudgetSeconds"] = p.TimeBudget.TotalSeconds,
            ["maxPdfPages"] = p.MaxPdfPages,
            ["maxCellsPerRow"] = p.MaxCellsPerRow,
            ["maxDocumentCells"] = p.MaxDocumentCells,
            ["maxHtmlDepth"] = p.MaxHtmlDepth,
            ["maxHtmlElements"] = p.MaxHtmlElements,
            ["converter"] = p.Converter.ToString(),
            ["converterPath"] = p.ConverterPath,
            ["conversionTimeoutSeconds"] = p.ConversionTimeout.TotalSeconds,
            ["ocr"] = p.Ocr?.GetType().FullName,
            ["ocrMinConfidence"] = p.OcrMinConfidence,
            ["ocrPageTimeBudgetSeconds"] = p.OcrPageTimeBudget.TotalSeconds,
            ["rules"] = p.Rules is null ? "default" : new JsonArray(p.Rules.Select(r => (JsonNode?)JsonValue.Create(r.GetType().FullName)).ToArray()),
        };
        return new JsonObject
        {
            ["inputs"] = new JsonArray(o.Inputs.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            ["options"] = new JsonObject
            {
                ["format"] = o.Format.ToString().ToLowerInvariant(),
                ["names"] = o.Names.ToString().ToLowerInvariant(),
                ["excelBom"] = o.ExcelBom,
                ["blankAsZero"] = o.BlankAsZero,
                ["shard"] = o.Shard.IsAll ? "1/1" : o.Shard.ToString(),
                ["timeLimitSeconds"] = o.TimeLimit.TotalSeconds,
                ["parser"] = parser,
            },
        };
    }

    /// <summary>The options of <see cref="Settings"/> that shards of one run share: all but the format, the Excel mark and the shard.</summary>
    public static JsonObject SharedOptions(JsonObject options)
    {
        var copy = (JsonObject)options.DeepClone();
        foreach (var k in new[] { "format", "excelBom", "shard", "jobs" }) copy.Remove(k);
        return copy;
    }

    /// <summary>One output file as the manifest lists it.</summary>
    public sealed record Output(string File, string? Table, long? Rows);

    /// <summary>What a manifest records beyond the files.</summary>
    public sealed record Run(string Kind, IReadOnlyList<string> CommandLine, DateTime Started, DateTime Finished, JsonObject Settings, int Jobs)
    {
        /// <summary>Times the run was resumed after an interruption.</summary>
        public int Resumed { get; init; }

        /// <summary>For a merge: the shard folders merged, with their shards and manifests' end times.</summary>
        public JsonArray? Merged { get; init; }

        /// <summary>For a merge: whether a partial merge was allowed, and the shards missing.</summary>
        public (bool Allowed, IReadOnlyList<int> Missing)? Partial { get; init; }
    }

    /// <summary>
    /// Writes <c>manifest.json</c> into <paramref name="dir"/> through a temporary file in <paramref name="staging"/> and a rename, streaming
    /// the input files (given in input order) and hashing each output file, which must already be in <paramref name="dir"/>.
    /// </summary>
    public static void Write(string dir, string staging, Run run, IEnumerable<JournalEntry> inputFiles, IReadOnlyList<Output> outputs)
    {
        var temp = Path.Combine(staging, OutputFolder.ManifestFile + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("manifestVersion", Version);
            w.WriteString("kind", run.Kind);
            w.WriteStartObject("tool");
            w.WriteString("name", "ReportParser");
            w.WriteString("version", ToolVersion);
            if (Commit(ToolVersion) is { } commit) w.WriteString("commit", commit);
            else w.WriteNull("commit");
            w.WriteEndObject();
            w.WriteStartArray("commandLine");
            foreach (var a in run.CommandLine) w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteString("started", Iso(run.Started));
            w.WriteString("finished", Iso(run.Finished));
            var options = (JsonObject)run.Settings["options"]!.DeepClone();
            options["jobs"] = run.Jobs;
            w.WritePropertyName("shard");
            w.WriteStringValue(options["shard"]!.GetValue<string>());
            w.WriteNumber("resumed", run.Resumed);
            w.WritePropertyName("inputs");
            run.Settings["inputs"]!.WriteTo(w);
            w.WritePropertyName("options");
            options.WriteTo(w);
            if (run.Merged is { } merged)
            {
                w.WritePropertyName("merged");
                merged.WriteTo(w);
            }
            if (run.Partial is { } partial)
            {
                w.WriteBoolean("allowPartial", partial.Allowed);
                w.WriteStartArray("missingShards");
                foreach (var k in partial.Missing) w.WriteNumberValue(k);
                w.WriteEndArray();
            }
            w.WriteStartArray("inputFiles");
            foreach (var f in inputFiles)
            {
                w.WriteStartObject();
                w.WriteString("file", f.File);
                w.WriteNumber("index", f.Index);
                w.WriteString("status", f.Status);
                if (f.Bytes is long b) w.WriteNumber("bytes", b);
                else w.WriteNull("bytes");
                if (f.Sha256 is { } sha) w.WriteString("sha256", sha);
                else w.WriteNull("sha256");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("outputs");
            foreach (var o in outputs)
            {
                var path = Path.Combine(dir, o.File);
                w.WriteStartObject();
                w.WriteString("file", o.File);
                if (o.Table is { } t) w.WriteString("table", t);
                else w.WriteNull("table");
                if (o.Rows is long rows) w.WriteNumber("rows", rows);
                else w.WriteNull("rows");
                w.WriteNumber("bytes", new FileInfo(path).Length);
                w.WriteString("sha256", Sha256Of(path));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        File.Move(temp, Path.Combine(dir, OutputFolder.ManifestFile), overwrite: true);
    }

    /// <summary>The SHA-256 of a file, lower-case hex, read streaming.</summary>
    public static string Sha256Of(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    /// <summary>A UTC time in ISO 8601 with seconds' fractions: <c>2026-12-04T18:55:00.1234567Z</c>.</summary>
    public static string Iso(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads the manifest of an output folder, or null when it has none.</summary>
    /// <exception cref="JsonException">The manifest is not JSON.</exception>
    public static JsonObject? Read(string dir)
    {
        var path = Path.Combine(dir, OutputFolder.ManifestFile);
        if (!File.Exists(path)) return null;
        using var s = File.OpenRead(path);
        return JsonNode.Parse(s) as JsonObject ?? throw new JsonException("manifest.json is not a JSON object");
    }
}
