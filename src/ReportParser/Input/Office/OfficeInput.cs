using ReportParser.Diagnostics;

namespace ReportParser.Input.Office;

/// <summary>
/// Reads the office formats: DOCX and XLSX/XLS directly; MIME HTML through the HTML input; DOC, WPS,
/// ODT, RTF (to DOCX) and ODS (to XLSX) through the configured converter, and ET directly when the
/// spreadsheet reader can open it, else through the converter. The blocks keep the original format.
/// </summary>
internal static class OfficeInput
{
    /// <summary>The converter in use; replaceable for tests.</summary>
    internal static IDocumentConverter Converter { get; set; } = LibreOfficeConverter.Instance;

    public static DocumentBlocks Read(ReportSource source, SourceFormat format, ReportParserOptions options, DiagnosticBag bag)
    {
        switch (format)
        {
            case SourceFormat.Docx:
                return DocxInput.Read(source, options, bag);
            case SourceFormat.Xlsx or SourceFormat.Xls:
                return SpreadsheetInput.Read(source, format, options, bag);
            case SourceFormat.Mhtml:
                return MhtInput.Read(source, options, bag);
            case SourceFormat.Et:
                {
                    var trial = new DiagnosticBag();
                    var blocks = SpreadsheetInput.Read(source, SourceFormat.Et, options, trial);
                    if (!trial.HasErrors)
                    {
                        foreach (var d in trial.Items) bag.Add(d);
                        return blocks;
                    }
                    return Converted(source, format, ".xls", "xlsx", options, bag);
                }
            case SourceFormat.Doc or SourceFormat.Wps:
                // WPS Writer files are Word binaries with WPS's own streams: LibreOffice's Word filter reads them.
                return Converted(source, format, ".doc", "docx", options, bag);
            case SourceFormat.Odt:
                return Converted(source, format, ".odt", "docx", options, bag);
            case SourceFormat.Rtf:
                return Converted(source, format, ".rtf", "docx", options, bag);
            case SourceFormat.Ods:
                return Converted(source, format, ".ods", "xlsx", options, bag);
            default:
                bag.Error(DiagnosticCode.UnsupportedFormat, SourceLocation.Unknown, $"{format} is not an office format");
                return new DocumentBlocks(source.Name, format, Array.Empty<Block>());
        }
    }

    /// <summary>True when two formats are the same kind of file for the name check (a WPS-written .doc is a DOC).</summary>
    public static bool SameFamily(SourceFormat named, SourceFormat content)
        => (named, content) is (SourceFormat.Doc, SourceFormat.Wps) or (SourceFormat.Wps, SourceFormat.Doc)
            or (SourceFormat.Xls, SourceFormat.Et) or (SourceFormat.Et, SourceFormat.Xls);

    private static DocumentBlocks Converted(ReportSource source, SourceFormat format, string extension, string target, ReportParserOptions options, DiagnosticBag bag)
    {
        var empty = new DocumentBlocks(source.Name, format, Array.Empty<Block>());
        if (source.Bytes is not { Length: > 0 } bytes)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input is empty (0 bytes)");
            return empty;
        }
        var name = format.ToString().ToUpperInvariant();
        if (format is SourceFormat.Doc or SourceFormat.Wps or SourceFormat.Et && OfficeDetector.Ole2Names(bytes).Count == 0)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"the {name} file is an OLE2 compound file whose directory cannot be read (truncated or damaged); not parsed");
            return empty;
        }
        if (options.Converter == OfficeConverter.None)
        {
            bag.Error(DiagnosticCode.UnsupportedFormat, SourceLocation.Unknown,
                $"{name} files are read by converting them to {target.ToUpperInvariant()}, and conversion is switched off (converter: none); save the file as {target.ToUpperInvariant()} or enable LibreOffice ({LibreOfficeConverter.InstallHint})");
            return empty;
        }
        var result = Converter.Convert(bytes, extension, target, options);
        if (result.Output is null)
        {
            bag.Error(result.ErrorCode, SourceLocation.Unknown, $"{name}: {result.Error}");
            return empty;
        }
        var converted = ReportSource.FromBytes(result.Output, source.Name, target == "docx" ? SourceFormat.Docx : SourceFormat.Xlsx);
        var blocks = target == "docx" ? DocxInput.Read(converted, options, bag) : SpreadsheetInput.Read(converted, SourceFormat.Xlsx, options, bag);
        return blocks with { Format = format };
    }
}
