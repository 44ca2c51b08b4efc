using System.IO.Compression;

namespace ReportParser.Batch;

/// <summary>
/// Walks the inputs in a deterministic order: arguments as given; folders recursively, files sorted by ordinal path;
/// archives (.zip, detected by content) entry by entry in the archive's own order, nested archives one level deep.
/// Each file gets its position in the full enumeration; a shard filter skips reading the entries it does not own.
/// The same file given twice (directly and through a folder) is listed once. A path that does not exist, an archive that
/// cannot be opened and an entry that cannot be read are yielded with <see cref="InputFile.Status"/> set, never thrown.
/// </summary>
public sealed class InputEnumerator
{
    private static readonly byte[] ZipMagic = "PK\x03\x04"u8.ToArray();
    private static readonly byte[] EmptyZipMagic = "PK\x05\x06"u8.ToArray();

    private readonly IReadOnlyList<string> _inputs;
    private readonly Func<string, bool> _include;
    private readonly long _maxEntryBytes;
    private long _index;
    private CancellationToken _cancel;

    /// <summary>Creates an enumerator over files, folders and zip archives.</summary>
    /// <param name="inputs">Paths of files, folders and archives, walked in this order.</param>
    /// <param name="include">Which file identities to yield (a shard's <see cref="Shard.Contains"/>); every file still takes its place in the numbering. Null for all.</param>
    /// <param name="maxEntryBytes">Archive entries larger than this are yielded as unreadable without being read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public InputEnumerator(IReadOnlyList<string> inputs, Func<string, bool>? include = null, long maxEntryBytes = 64L * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = inputs;
        _include = include ?? (_ => true);
        _maxEntryBytes = maxEntryBytes;
    }

    /// <summary>
    /// Only counts the files a run will list (for the progress ETA): reads archive directories, not entry contents, so a
    /// nested archive counts as one file. Archives are recognised by name here, not by content, to keep the count cheap.
    /// </summary>
    /// <param name="inputs">As for the constructor.</param>
    /// <param name="include">As for the constructor; null for all.</param>
    /// <param name="cancel">Stops the count.</param>
    /// <returns>The number of files.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public static long Count(IReadOnlyList<string> inputs, Func<string, bool>? include = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        include ??= _ => true;
        long n = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Paths(inputs, seen))
        {
            cancel.ThrowIfCancellationRequested();
            if (path.Missing || !path.Path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || !IsZip(path.Path))
            {
                if (include(path.Path)) n++;
                continue;
            }
            try
            {
                using var zip = ZipFile.Open(path.Path, ZipArchiveMode.Read, ZipNameEncoding.Instance);
                var entries = zip.Entries.Where(e => !IsDirectory(e)).ToList();
                n += entries.Count == 0 ? (include(path.Path) ? 1 : 0) : entries.Count(e => include(path.Path + "!" + e.FullName));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                if (include(path.Path)) n++;
            }
        }
        return n;
    }

    /// <summary>Yields every input file in order, numbered from 0 each time it is called.</summary>
    /// <param name="cancel">Checked before each file and archive entry.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public IEnumerable<InputFile> Enumerate(CancellationToken cancel = default)
    {
        _index = 0;
        _cancel = cancel;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Paths(_inputs, seen))
        {
            cancel.ThrowIfCancellationRequested();
            if (path.Missing)
            {
                var item = Next(path.Path, "");
                if (item is not null) yield return item with { Status = ReportStatus.Unreadable, Reason = "not found" };
                continue;
            }
            if (!IsZip(path.Path))
            {
                var item = Next(path.Path, "");
                if (item is not null) yield return item with { Path = path.Path };
                continue;
            }
            foreach (var item in Archive(path.Path)) yield return item;
        }
    }

    private InputFile? Next(string file, string source)
    {
        long index = _index++;
        return _include(file) ? new InputFile(index, file, source) : null;
    }

    private readonly record struct InputPath(string Path, bool Missing);

    private static IEnumerable<InputPath> Paths(IReadOnlyList<string> inputs, HashSet<string> seen)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                IEnumerable<string> files;
                try
                {
                    files = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    files = Array.Empty<string>();
                }
                foreach (var f in files)
                {
                    if (seen.Add(Full(f))) yield return new InputPath(f, false);
                }
            }
            else if (File.Exists(input))
            {
                if (seen.Add(Full(input))) yield return new InputPath(input, false);
            }
            else
            {
                if (seen.Add(Full(input))) yield return new InputPath(input, true);
            }
        }
    }

    private static string Full(string path)
    {
        try { return System.IO.Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }

    private static bool IsZip(string path)
    {
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            Span<byte> head = stackalloc byte[4];
            int n = fs.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            return n == 4 && (head.SequenceEqual(ZipMagic) || head.SequenceEqual(EmptyZipMagic)) && !IsOfficePackage(fs);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static bool IsZip(ReadOnlySpan<byte> bytes)
        => bytes.Length >= 4 && (bytes[..4].SequenceEqual(ZipMagic) || bytes[..4].SequenceEqual(EmptyZipMagic));

    /// <summary>An Office Open XML or OpenDocument file (docx, xlsx, odt) is a zip, but one document: it is parsed, not expanded.</summary>
    private static bool IsOfficePackage(Stream stream)
    {
        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var e in zip.Entries)
            {
                if (e.FullName is "[Content_Types].xml" or "mimetype" or "word/document.xml") return true;
            }
            return false;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsOfficePackage(ZipArchive zip)
        => zip.Entries.Any(e => e.FullName is "[Content_Types].xml" or "mimetype" or "word/document.xml");

    private static bool IsDirectory(ZipArchiveEntry e) => e.FullName.EndsWith('/') && e.Length == 0;

    private IEnumerable<InputFile> Archive(string path)
    {
        ZipArchive? zip = null;
        string? failure = null;
        try
        {
            zip = ZipFile.Open(path, ZipArchiveMode.Read, ZipNameEncoding.Instance);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            failure = $"corrupt or unreadable archive: {ex.Message}";
        }
        if (zip is null)
        {
            var item = Next(path, "");
            if (item is not null) yield return item with { Status = ReportStatus.Unreadable, Reason = failure ?? "unreadable archive" };
            yield break;
        }
        using (zip)
        {
            foreach (var item in Entries(zip, path, "", nested: false)) yield return item;
        }
    }

    private IEnumerable<InputFile> Entries(ZipArchive zip, string archiveFile, string prefix, bool nested)
    {
        var entries = zip.Entries.Where(e => !IsDirectory(e)).ToList();
        if (entries.Count == 0)
        {
            var source = prefix.TrimEnd('!');
            var item = Next(source.Length == 0 ? archiveFile : archiveFile + "!" + source, source);
            if (item is not null) yield return item with { Status = ReportStatus.NotAReport, Reason = "the archive holds no files" };
            yield break;
        }
        foreach (var entry in entries)
        {
            _cancel.ThrowIfCancellationRequested();
            foreach (var item in Entry(entry, archiveFile, prefix, nested)) yield return item;
        }
    }

    /// <summary>One archive entry: skipped (another shard's), expanded (a zip inside the archive), or listed.</summary>
    private IEnumerable<InputFile> Entry(ZipArchiveEntry entry, string archiveFile, string prefix, bool nested)
    {
        string source = prefix + entry.FullName;
        string file = archiveFile + "!" + source;
        // A nested archive must be read to list its entries, whatever the shard.
        if (!_include(file) && (nested || !(entry.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || LooksLikeZip(entry))))
        {
            _index++;
            yield break;
        }
        var (bytes, failure) = Read(entry);
        if (bytes is not null && !nested && IsZip(bytes))
        {
            var inner = OpenNested(bytes, ref failure);
            if (inner is not null)
            {
                using (inner)
                {
                    foreach (var item in Entries(inner, archiveFile, source + "!", nested: true)) yield return item;
                }
                yield break;
            }
            if (failure is not null) bytes = null;
        }
        var next = Next(file, source);
        if (next is not null) yield return Listed(next, bytes, failure, nested);
    }

    /// <summary>A zip inside the archive, or null when it is an Office document (a document, not an archive) or corrupt (with the reason).</summary>
    private static ZipArchive? OpenNested(byte[] bytes, ref string? failure)
    {
        ZipArchive? inner = null;
        try
        {
            inner = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read, false, ZipNameEncoding.Instance);
            if (!IsOfficePackage(inner)) return inner;
            inner.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            inner?.Dispose();
            failure = $"corrupt nested archive: {ex.Message}";
            return null;
        }
    }

    private static InputFile Listed(InputFile next, byte[]? bytes, string? failure, bool nested)
    {
        if (bytes is null) return next with { Status = ReportStatus.Unreadable, Reason = failure ?? "unreadable archive entry" };
        if (nested && IsZip(bytes) && !IsOfficeBytes(bytes))
        {
            return next with { Status = ReportStatus.NotAReport, Reason = "an archive nested more than one level deep; not expanded" };
        }
        return next with { Bytes = bytes };
    }

    private static bool IsOfficeBytes(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes, writable: false);
        return IsOfficePackage(ms);
    }

    private static bool LooksLikeZip(ZipArchiveEntry entry)
    {
        try
        {
            using var s = entry.Open();
            Span<byte> head = stackalloc byte[4];
            return s.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && IsZip(head);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException)
        {
            return false;
        }
    }

    private (byte[]? Bytes, string? Failure) Read(ZipArchiveEntry entry)
    {
        if (entry.Length > _maxEntryBytes)
            return (null, $"the entry is {entry.Length:N0} bytes, over the limit of {_maxEntryBytes:N0}");
        try
        {
            using var s = entry.Open();
            var buffer = new byte[entry.Length];
            int read = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read != buffer.Length) return (null, $"the entry is truncated ({read:N0} of {entry.Length:N0} bytes)");
            return (buffer, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            return (null, $"corrupt archive entry: {ex.Message}");
        }
    }
}

