
namespace ReportParser;

/// <summary>
/// A document to parse: a file, a stream's bytes, or a string. Use the <c>From…</c> factories; a plain
/// string is never taken to be a path.
/// </summary>
public sealed class ReportSource
{
    private ReportSource(string name, byte[]? bytes, string? text, SourceFormat? format)
    {
        Name = name;
        Bytes = bytes;
        Text = text;
        DeclaredFormat = format;
    }

    /// <summary>A name for diagnostics and exports (the path for files).</summary>
    public string Name { get; }

    internal byte[]? Bytes { get; }

    internal string? Text { get; }

    /// <summary>The format the caller declared, or null to detect it from the content.</summary>
    public SourceFormat? DeclaredFormat { get; }

    /// <summary>Reads the whole file; the format is detected from its content.</summary>
    /// <param name="path">Path of a .txt, .html or .pdf file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReportSource FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ReportSource(path, File.ReadAllBytes(path), null, null);
    }

    /// <summary>Reads the stream to its end; the format is detected from its content.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReportSource FromStream(Stream stream, string name, SourceFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new ReportSource(name, buffer.ToArray(), null, format);
    }

    /// <summary>Wraps raw bytes; the format and encoding are detected from the content.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReportSource FromBytes(byte[] bytes, string name, SourceFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(name);
        return new ReportSource(name, bytes, null, format);
    }

    /// <summary>Wraps already-decoded plain text.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReportSource FromText(string text, string name = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        return new ReportSource(name, null, text, SourceFormat.Text);
    }

    /// <summary>Wraps already-decoded HTML.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReportSource FromHtml(string html, string name = "html")
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(name);
        return new ReportSource(name, null, html, SourceFormat.Html);
    }
}
