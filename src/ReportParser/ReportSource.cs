
namespace ReportParser;

/// <summary>
/// A document to parse: a file, a stream's bytes, or a string. Use the <c>From…</c> factories; a plain
/// string is never taken to be a path.
/// </summary>
public sealed class ReportSource
{
    private ReportSource(string name, byte[]? bytes, string? text, SourceFormat? format, long? readCap = null)
    {
        Name = name;
        Bytes = bytes;
        Text = text;
        DeclaredFormat = format;
        ReadCap = readCap;
    }

    /// <summary>A name for diagnostics and exports (the path for files).</summary>
    public string Name { get; }

    internal byte[]? Bytes { get; }

    internal string? Text { get; }

    /// <summary>Where the relative images of an HTML page are read from: the file's folder for <see cref="FromFile(string, long)"/>, else none.</summary>
    internal Input.Html.IPageResources? Resources { get; private init; }

    /// <summary>Set when a stream or file held more bytes than this cap: nothing of it is kept, and the parse reports the limit.</summary>
    internal long? ReadCap { get; }

    /// <summary>
    /// Why the source is over <paramref name="maxBytes"/> (its bytes, or its text as UTF-8, or a stream or file
    /// longer than the most that was read of it), or null when it is not.
    /// </summary>
    internal string? OverLimit(long maxBytes)
    {
        if (ReadCap is { } cap) return $"the input is more than {cap:N0} bytes, the most that was read of it; not parsed";
        long size = Bytes?.LongLength ?? (Text is { } t ? System.Text.Encoding.UTF8.GetByteCount(t) : 0);
        if (size <= maxBytes) return null;
        return $"the input is {size:N0} bytes{(Bytes is null ? " (as UTF-8)" : "")}, over the limit of {maxBytes:N0}; not parsed";
    }

    /// <summary>The format the caller declared, or null to detect it from the content.</summary>
    public SourceFormat? DeclaredFormat { get; }

    /// <summary>
    /// Reads the whole file; the format is detected from its content. At most
    /// <see cref="ReportParserOptions.MaxInputBytes"/> of the default options are read: a longer file is not
    /// kept, and parsing the source gives an error diagnostic (RP1005).
    /// </summary>
    /// <param name="path">Path of a .txt, .html or .pdf file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReportSource FromFile(string path) => FromFile(path, ReportParserOptions.Default.MaxInputBytes);

    /// <summary>
    /// Reads the whole file, but never more than <paramref name="maxBytes"/> + 1 bytes: a longer file is not
    /// kept, and parsing the source gives an error diagnostic (RP1005).
    /// </summary>
    /// <param name="path">Path of a .txt, .html or .pdf file.</param>
    /// <param name="maxBytes">The most bytes to keep; pass the <see cref="ReportParserOptions.MaxInputBytes"/> the source will be parsed with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReportSource FromFile(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var source = Read(file, path, null, maxBytes);
        return new ReportSource(source.Name, source.Bytes, source.Text, source.DeclaredFormat, source.ReadCap)
        {
            Resources = new Input.Html.FolderResources(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "."),
        };
    }

    /// <summary>
    /// Reads the stream to its end; the format is detected from its content. At most
    /// <see cref="ReportParserOptions.MaxInputBytes"/> of the default options are read, whatever length the
    /// stream claims: a longer stream is not kept, and parsing the source gives an error diagnostic (RP1005).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReportSource FromStream(Stream stream, string name, SourceFormat? format = null)
        => FromStream(stream, name, format, ReportParserOptions.Default.MaxInputBytes);

    /// <summary>
    /// Reads the stream to its end, but never more than <paramref name="maxBytes"/> + 1 bytes, whatever
    /// length the stream claims: a longer stream is not kept (it is left part-read), and parsing the source
    /// gives an error diagnostic (RP1005).
    /// </summary>
    /// <param name="stream">The stream, read from its current position.</param>
    /// <param name="name">A name for diagnostics and exports.</param>
    /// <param name="format">The format, or null to detect it from the content.</param>
    /// <param name="maxBytes">The most bytes to keep; pass the <see cref="ReportParserOptions.MaxInputBytes"/> the source will be parsed with.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static ReportSource FromStream(Stream stream, string name, SourceFormat? format, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        return Read(stream, name, format, maxBytes);
    }

    /// <summary>
    /// Reads up to <paramref name="maxBytes"/> + 1 bytes in chunks that grow with what arrives, not with what
    /// the stream's length claims; the bytes are joined only when they fit. One byte over the cap means the
    /// input is too long.
    /// </summary>
    private static ReportSource Read(Stream stream, string name, SourceFormat? format, long maxBytes)
    {
        long cap = Math.Min(maxBytes, Array.MaxLength - 1L);
        var chunks = new List<byte[]>();
        long total = 0;
        int last = 0, size = 64 * 1024;
        while (total <= cap)
        {
            if (chunks.Count == 0 || last == chunks[^1].Length)
            {
                chunks.Add(new byte[(int)Math.Min(size, cap + 1 - total)]);
                size = Math.Min(size * 2, 4 * 1024 * 1024);
                last = 0;
            }
            var chunk = chunks[^1];
            int n = stream.Read(chunk, last, chunk.Length - last);
            if (n <= 0) break;
            last += n;
            total += n;
        }
        if (total > cap) return new ReportSource(name, Array.Empty<byte>(), null, format, cap);
        var bytes = new byte[total];
        long at = 0;
        foreach (var chunk in chunks)
        {
            int n = (int)Math.Min(chunk.Length, total - at);
            Buffer.BlockCopy(chunk, 0, bytes, (int)at, n);
            at += n;
        }
        return new ReportSource(name, bytes, null, format);
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
