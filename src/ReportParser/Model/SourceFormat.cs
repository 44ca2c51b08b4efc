namespace ReportParser;

/// <summary>The input formats the library reads.</summary>
public enum SourceFormat
{
    /// <summary>Plain text (tables as tab-separated lines, or fused runs).</summary>
    Text,

    /// <summary>An HTML page or fragment.</summary>
    Html,

    /// <summary>A PDF file.</summary>
    Pdf,

    /// <summary>Not recognised.</summary>
    Unknown,
}
