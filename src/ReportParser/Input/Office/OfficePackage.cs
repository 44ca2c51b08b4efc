using System.IO.Compression;
using ReportParser.Diagnostics;

namespace ReportParser.Input.Office;

/// <summary>
/// Guards for Office Open XML packages (zip files) before any part is parsed: the zip directory must be
/// readable, and the uncompressed sizes it declares (each entry and their sum) must stay within
/// <see cref="ReportParserOptions.MaxInputBytes"/>, so that a small zip bomb is refused with an error
/// diagnostic before anything is inflated. The runtime's zip reader never inflates an entry past its
/// declared size, so a lying directory cannot grow a part either; XML parts are further read with a
/// character limit and without DTDs (<see cref="WordXml"/>).
/// </summary>
internal static class OfficePackage
{
    /// <summary>A package with more entries than this is refused.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>
    /// Checks the package; returns false with one error diagnostic (Unreadable for a corrupt zip,
    /// LimitExceeded for sizes over the limit).
    /// </summary>
    public static bool Check(byte[] bytes, string kind, ReportParserOptions options, DiagnosticBag bag)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown, $"the {kind} package has {zip.Entries.Count:N0} parts, over the limit of {MaxEntries:N0}; not parsed");
                return false;
            }
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (e.Length > options.MaxInputBytes || total > options.MaxInputBytes)
                {
                    bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown,
                        $"the {kind} package unpacks to more than {options.MaxInputBytes:N0} bytes (part {e.FullName} alone is {e.Length:N0} bytes); not parsed (a zip bomb or an oversized document)");
                    return false;
                }
            }
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"the {kind} file is not a readable zip package ({ex.Message}); not parsed");
            return false;
        }
    }

    /// <summary>XML parts nesting elements deeper than this are refused (building such a tree is slow, and no document needs it).</summary>
    public const int MaxXmlDepth = 1000;
}

/// <summary>An XML part nests elements deeper than <see cref="OfficePackage.MaxXmlDepth"/>.</summary>
internal sealed class XmlDepthException : Exception
{
    public XmlDepthException()
        : base($"the XML nests elements more than {OfficePackage.MaxXmlDepth} deep")
    {
    }
}
