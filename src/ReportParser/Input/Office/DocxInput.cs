using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using ReportParser.Diagnostics;

namespace ReportParser.Input.Office;

/// <summary>
/// Reads Word documents (.docx, WordprocessingML, as written by Word, WPS and LibreOffice) into blocks.
/// The package is opened with DocumentFormat.OpenXml after <see cref="OfficePackage.Check"/>; the main
/// part, numbering and styles are walked as XML (see <see cref="DocxWalker"/>). Locations: a block's
/// <see cref="SourceLocation.Line"/> is the 1-based index of its paragraph in body order (every w:p counts,
/// including those inside table cells and text boxes), Column is 1; grid cells also carry the table index
/// and their row and column in the expanded grid. Metadata: the package's core properties go into
/// <see cref="DocumentBlocks.Metadata"/> under <c>core:title</c>, <c>core:creator</c>, <c>core:created</c>
/// and <c>core:modified</c> (ISO 8601); these are the file's properties, not the report's publication
/// date, and nothing downstream reads them as such.
/// </summary>
internal static class DocxInput
{
    /// <summary>Metadata key of the package's title property.</summary>
    public const string CoreTitle = "core:title";

    /// <summary>Metadata key of the package's creator property.</summary>
    public const string CoreCreator = "core:creator";

    /// <summary>Metadata key of the package's created date (not the publication date).</summary>
    public const string CoreCreated = "core:created";

    /// <summary>Metadata key of the package's last-modified date (not the publication date).</summary>
    public const string CoreModified = "core:modified";

    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag)
    {
        var empty = new DocumentBlocks(source.Name, SourceFormat.Docx, Array.Empty<Block>());
        var bytes = source.Bytes;
        if (bytes is null || bytes.Length == 0)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input is empty (0 bytes)");
            return empty;
        }
        if (!OfficePackage.Check(bytes, "DOCX", options, bag)) return empty;
        XElement? root;
        XElement? numbering = null, styles = null;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false,
                new DocumentFormat.OpenXml.Packaging.OpenSettings { MaxCharactersInPart = options.MaxInputBytes });
            var main = doc.MainDocumentPart;
            if (main is null)
            {
                bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, "the DOCX package has no main document part; not parsed");
                return empty;
            }
            using (var s = main.GetStream(FileMode.Open, FileAccess.Read)) root = WordXml.Load(s, options);
            if (main.NumberingDefinitionsPart is { } np)
            {
                using var s = np.GetStream(FileMode.Open, FileAccess.Read);
                numbering = WordXml.Load(s, options);
            }
            if (main.StyleDefinitionsPart is { } sp)
            {
                using var s = sp.GetStream(FileMode.Open, FileAccess.Read);
                styles = WordXml.Load(s, options);
            }
            var props = doc.PackageProperties;
            if (!string.IsNullOrWhiteSpace(props.Title)) metadata[CoreTitle] = props.Title.Trim();
            if (!string.IsNullOrWhiteSpace(props.Creator)) metadata[CoreCreator] = props.Creator.Trim();
            if (props.Created is DateTime created) metadata[CoreCreated] = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            if (props.Modified is DateTime modified) metadata[CoreModified] = modified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        catch (XmlDepthException ex)
        {
            bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown, $"the DOCX document is not parsed: {ex.Message}");
            return empty;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"the DOCX package could not be read ({ex.GetType().Name}: {ex.Message}); not parsed");
            return empty;
        }

        var bodyElement = root is null ? null : Docx.Child(root, "body");
        if (bodyElement is null)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, "the DOCX main part has no w:body; not parsed");
            return empty;
        }
        var walker = new DocxWalker(new DocxNumbering(numbering, styles), options, bag);
        walker.Walk(bodyElement);
        if (walker.Blocks.Count == 0) bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the document holds no text");
        foreach (var (k, v) in walker.Metadata) metadata.TryAdd(k, v);
        return new DocumentBlocks(source.Name, SourceFormat.Docx, walker.Blocks) { Metadata = metadata };
    }
}

/// <summary>Small helpers for WordprocessingML read as XML: elements and attributes by local name.</summary>
internal static class Docx
{
    public static XElement? Child(XElement e, string localName)
    {
        foreach (var c in e.Elements()) if (c.Name.LocalName == localName) return c;
        return null;
    }

    public static string? Attr(XElement e, string localName)
    {
        foreach (var a in e.Attributes()) if (a.Name.LocalName == localName && !a.IsNamespaceDeclaration) return a.Value;
        return null;
    }

    public static int? IntAttr(XElement e, string localName)
        => Attr(e, localName) is { } v && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>An on/off property (w:b, w:vanish …): present without val, or val 1/true/on.</summary>
    public static bool IsOn(XElement? e) => e is not null && Attr(e, "val") is null or "1" or "true" or "on";
}
