using System.Text.RegularExpressions;

namespace ReportParser.Tests.Architecture;

/// <summary>
/// The layers of the library and the tool, and the edges allowed between them. A source file's layer is
/// given by its folder; its dependencies are read from its <c>using ReportParser.…;</c> directives, its
/// qualified references (<c>Tables.TableLocator</c>) and its calls into the facade (<c>Report.Parse</c>).
/// </summary>
internal static partial class LayerMap
{
    /// <summary>Model, Diagnostics, Template, Text and the public API records: read nothing above them.</summary>
    public const string Floor = "Floor";

    /// <summary>Allowed edges: layer → the layers it may use (besides itself and the floor).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        [Floor] = Array.Empty<string>(),
        ["Input"] = Array.Empty<string>(),
        ["Sections"] = new[] { "Input" },
        ["Tables"] = new[] { "Sections", "Input" },
        ["Validation"] = Array.Empty<string>(),
        ["Export"] = Array.Empty<string>(),
        ["Pipeline"] = new[] { "Input", "Sections", "Tables", "Validation" },
        ["Facade"] = new[] { "Pipeline" },
        ["Batch"] = new[] { "Facade", "Export", "Validation", "Input", "Reporting" },
        // The quality page (report.html) reads export rows through the column names of Export's schemas; Batch opens the tables for it.
        ["Reporting"] = new[] { "Export" },
        ["Cli"] = new[] { "Facade", "Export", "Validation", "Batch", "Ocr" },
        // The optional OCR engine (project ReportParser.Ocr): it implements the floor's IPageOcr and reads nothing else.
        ["Ocr"] = Array.Empty<string>(),
    };

    private static readonly string[] FloorFolders = { "Model", "Diagnostics", "Template", "Text" };
    private static readonly string[] RootFloorFiles = { "ReportParseResult.cs", "ReportSource.cs", "ReportParserOptions.cs", "PageOcr.cs" };
    private static readonly string[] Namespaces = { "Input", "Sections", "Tables", "Validation", "Export", "Pipeline", "Batch", "Reporting", "Cli", "Template", "Text", "Diagnostics", "Ocr" };

    /// <summary>The layer of a file, from its path relative to src/ (e.g. <c>ReportParser/Tables/RowValues.cs</c>).</summary>
    public static string LayerOf(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        if (parts[0] == "ReportParser.Cli") return "Cli";
        if (parts[0] == "ReportParser.Ocr") return "Ocr";
        if (parts.Length == 2) return RootFloorFiles.Contains(parts[1]) ? Floor : "Facade";
        return FloorFolders.Contains(parts[1]) ? Floor : parts[1];
    }

    private static string LayerOfNamespace(string ns) => ns is "Template" or "Text" or "Diagnostics" ? Floor : ns;

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?ReportParser\.(\w+)[\w.]*\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingRegex();

    [GeneratedRegex(@"(?<![\w.])(?:ReportParser\.)?(Input|Sections|Tables|Validation|Export|Pipeline|Batch|Reporting|Cli|Ocr)\.(?:\w+\.)*?([A-Z]\w*)")]
    private static partial Regex QualifiedRegex();

    [GeneratedRegex(@"(?<![\w.])(?:Report\.(?:Parse|ParseAsync|ParseFile|ParseText)\b)")]
    private static partial Regex FacadeRegex();

    [GeneratedRegex(@"//.*$|""(?:[^""\\\n]|\\.)*""", RegexOptions.Multiline)]
    private static partial Regex CommentOrStringRegex();

    [GeneratedRegex(@"^namespace\s+ReportParser\.(\w+)[\w.]*\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceRegex();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclarationRegex();

    /// <summary>The type names declared under each first-level namespace of the sources (ReportParser.Tables.* → Tables).</summary>
    private static readonly Dictionary<string, HashSet<string>> DeclaredTypes = ScanDeclaredTypes();

    private static Dictionary<string, HashSet<string>> ScanDeclaredTypes()
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var src = Path.Combine(Paths.RepoRoot, "src");
        foreach (var f in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(f);
            var ns = NamespaceRegex().Match(text);
            if (!ns.Success) continue;
            var ns1 = ns.Groups[1].Value == "Cli" ? "Cli" : ns.Groups[1].Value;
            if (!result.TryGetValue(ns1, out var set)) result[ns1] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in TypeDeclarationRegex().Matches(text)) set.Add(m.Groups[1].Value);
        }
        return result;
    }

    /// <summary>The layers a file's text uses, each with the line that shows it.</summary>
    public static IEnumerable<(string Layer, string Evidence)> Uses(string text)
    {
        foreach (Match m in UsingRegex().Matches(text))
        {
            if (Namespaces.Contains(m.Groups[1].Value)) yield return (LayerOfNamespace(m.Groups[1].Value), m.Value.Trim());
        }
        var code = CommentOrStringRegex().Replace(text, "");
        foreach (Match m in QualifiedRegex().Matches(code))
        {
            // Only a type of that namespace counts: report.Sections.Count is a property, not the Sections stage.
            if (DeclaredTypes.TryGetValue(m.Groups[1].Value, out var types) && types.Contains(m.Groups[2].Value))
                yield return (LayerOfNamespace(m.Groups[1].Value), m.Value);
        }
        foreach (Match m in FacadeRegex().Matches(code)) yield return ("Facade", m.Value);
    }

    /// <summary>The edges of one file that the map does not allow.</summary>
    public static List<string> Violations(string relativePath, string text)
    {
        var layer = LayerOf(relativePath);
        var allowed = Allowed.TryGetValue(layer, out var a) ? a : Array.Empty<string>();
        return Uses(text)
            .Where(u => u.Layer != layer && u.Layer != Floor && !allowed.Contains(u.Layer))
            .Select(u => $"{relativePath} ({layer}) uses {u.Layer}: {u.Evidence}")
            .Distinct()
            .ToList();
    }
}
