using System.IO.Compression;

namespace ReportParser.Batch;

/// <summary>
/// Walks the inputs in a deterministic order: arguments as given; folders recursively, files sorted by ordinal path;
/// archives (.zip, detected by content) entry by entry in the archive's own order, nested archives one level deep.
/// Each file gets its position in the full enumeration; a shard filter skips reading the entries it does not own.
/// The same file given twice (directly and through a folder) is listed once. Only regular files are opened: a FIFO,
/// device or socket, a path that does not exist, a folder that cannot be read or is reached twice (a link cycle), an
/// archive that cannot be opened and an entry that cannot be read (damaged, overlapping another, encrypted, over the
/// size limit, failing its CRC-32 or size check) are yielded with <see cref="InputFile.Status"/> set, never thrown.
/// Identities never collide (see <see cref="InputFile.File"/>).
/// </summary>
public sealed class InputEnumerator
{
    private readonly IReadOnlyList<string> _inputs;
    private readonly Func<string, bool> _include;
    private readonly long _maxEntryBytes;
    private long _index;
    private CancellationToken _cancel;

    /// <summary>Creates an enumerator over files, folders and zip archives.</summary>
    /// <param name="inputs">Paths of files, folders and archives, walked in this order.</param>
    /// <param name="include">Which file identities to yield (a shard's <see cref="Shard.Contains"/>); every file still takes its place in the numbering. Null for all.</param>
    /// <param name="maxEntryBytes">Archive entries larger than this are yielded as unreadable without being read; files are read no further than one byte past it.</param>
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
    /// nested archive counts as one file.
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
        foreach (var entry in new DiskWalk().Walk(inputs))
        {
            cancel.ThrowIfCancellationRequested();
            var names = entry.Status is null ? ArchiveNames(entry) : null;
            if (names is null || names.Count == 0)
            {
                if (include(entry.Identity)) n++;
                continue;
            }
            n += names.Count(name => include(InputIdentity.Entry(entry.Identity, name)));
        }
        return n;
    }

    /// <summary>The numbered names of the files in an archive on disk, or null when it is not one (or cannot be read).</summary>
    private static List<string>? ArchiveNames(DiskEntry entry)
    {
        var (stream, _) = entry.Open();
        if (stream is null) return null;
        using (stream)
        {
            var (directory, _) = OpenDirectory(stream);
            return directory is null ? null : Names(directory).Select(n => n.Name).ToList();
        }
    }

    /// <summary>Yields every input file in order, numbered from 0 each time it is called.</summary>
    /// <param name="cancel">Checked before each file and archive entry.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public IEnumerable<InputFile> Enumerate(CancellationToken cancel = default)
    {
        _index = 0;
        _cancel = cancel;
        foreach (var entry in new DiskWalk().Walk(_inputs))
        {
            cancel.ThrowIfCancellationRequested();
            if (entry.Status is { } status)
            {
                var item = Next(entry.Identity, "");
                if (item is not null) yield return item with { Status = status, Reason = entry.Reason };
                continue;
            }
            foreach (var item in DiskFile(entry)) yield return item;
        }
    }

    private InputFile? Next(string file, string source)
    {
        long index = _index++;
        return _include(file) ? new InputFile(index, file, source) { MaxBytes = _maxEntryBytes } : null;
    }

    /// <summary>A regular file on disk: an archive, expanded; or one file, listed by path (or read now when no path can reopen it).</summary>
    private IEnumerable<InputFile> DiskFile(DiskEntry entry)
    {
        var (stream, failure) = entry.Open();
        if (stream is null)
        {
            var item = Next(entry.Identity, "");
            if (item is not null) yield return item with { Status = ReportStatus.Unreadable, Reason = failure ?? "unreadable" };
            yield break;
        }
        using (stream)
        {
            var (directory, problem) = OpenDirectory(stream);
            if (directory is null && problem is null)
            {
                var item = Next(entry.Identity, "");
                if (item is not null) yield return entry.Path is { } path ? item with { Path = path } : WithBytes(item, RegularFile.Read(Rewound(stream), _maxEntryBytes));
                yield break;
            }
            if (directory is null)
            {
                var item = Next(entry.Identity, "");
                if (item is not null) yield return item with { Status = ReportStatus.Unreadable, Reason = problem! };
                yield break;
            }
            foreach (var item in Archive(stream, directory, entry.Identity, "", nested: false)) yield return item;
        }
    }

    private static Stream Rewound(Stream s)
    {
        s.Position = 0;
        return s;
    }

    private static InputFile WithBytes(InputFile item, FileRead read)
        => read.Bytes is { } b ? item with { Bytes = b } : item with { Status = ReportStatus.Unreadable, Reason = read.Failure ?? "unreadable" };

    /// <summary>
    /// The directory of a zip to expand; (null, null) for a file that is not a zip, or one that is a document (an Office
    /// or OpenDocument package, known by its main part); (null, reason) for a zip whose directory cannot be read.
    /// </summary>
    internal static (ZipDirectory? Directory, string? Problem) OpenDirectory(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) != 4 || !IsZip(head)) return (null, null);
        try
        {
            var directory = ZipDirectory.Read(stream);
            return directory.IsOfficeDocument || DeclaresMainPart(stream, directory) ? (null, null) : (directory, null);
        }
        catch (InvalidDataException ex)
        {
            return LooksLikeDamagedDocument(stream) ? (null, null) : (null, $"corrupt or unreadable archive: {ex.Message}");
        }
    }

    /// <summary>
    /// An Office package whose main part has another name than usual: its <c>[Content_Types].xml</c> gives a main
    /// part one of the document content types. A <c>[Content_Types].xml</c> without one is just a file of the archive.
    /// </summary>
    private static bool DeclaresMainPart(Stream stream, ZipDirectory directory)
    {
        int i = directory.Entries.ToList().FindIndex(e => e.Is("[Content_Types].xml"u8));
        if (i < 0 || directory.Entries[i].Size > 1024 * 1024 || directory.Entries[i].Problem is not null) return false;
        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count != directory.Entries.Count) return false;
            using var s = zip.Entries[i].Open();
            var text = System.Text.Encoding.UTF8.GetString(RegularFile.ReadUpTo(s, 1024 * 1024));
            return text.Contains("document.main+xml", StringComparison.Ordinal) || text.Contains("sheet.main+xml", StringComparison.Ordinal)
                || text.Contains("presentation.main+xml", StringComparison.Ordinal) || text.Contains("template.main+xml", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A damaged Office package (its directory unreadable) whose first part is one a package starts with: left to the parser, which says what is wrong.</summary>
    private static bool LooksLikeDamagedDocument(Stream stream)
    {
        var header = new byte[30 + 20];
        stream.Position = 0;
        int n = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (n < 30) return false;
        int nameLength = Math.Min(header[26] | (header[27] << 8), n - 30);
        var name = header.AsSpan(30, nameLength);
        return name.StartsWith("[Content_Types].xml"u8) || name.StartsWith("mimetype"u8) || name.StartsWith("word/"u8)
            || name.StartsWith("xl/"u8) || name.StartsWith("_rels/"u8) || name.StartsWith("docProps/"u8);
    }

    internal static bool IsZip(ReadOnlySpan<byte> bytes)
        => bytes.Length >= 4 && (bytes[..4].SequenceEqual("PK\x03\x04"u8) || bytes[..4].SequenceEqual("PK\x05\x06"u8));

    /// <summary>The files of a directory with their identity names: folders left out, repeated names numbered.</summary>
    private static List<(string Name, int Index)> Names(ZipDirectory directory)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<(string, int)>();
        for (int i = 0; i < directory.Entries.Count; i++)
        {
            var e = directory.Entries[i];
            if (e.IsDirectory) continue;
            int n = seen.TryGetValue(e.Name, out int k) ? k + 1 : 1;
            seen[e.Name] = n;
            names.Add((InputIdentity.Numbered(e.Name, n), i));
        }
        return names;
    }

    /// <summary>The runtime's reader over the same bytes, checked to list the same entries as <paramref name="directory"/>.</summary>
    private static (ZipArchive? Zip, string? Failure) OpenArchive(Stream stream, ZipDirectory directory)
    {
        ZipArchive? zip = null;
        try
        {
            stream.Position = 0;
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            bool same = entries.Count == directory.Entries.Count;
            for (int i = 0; same && i < entries.Count; i++)
                same = entries[i].CompressedLength == directory.Entries[i].CompressedSize && entries[i].Crc32 == directory.Entries[i].Crc;
            if (same) return (zip, null);
            zip.Dispose();
            return (null, "corrupt or unreadable archive: its central directory cannot be read consistently");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            zip?.Dispose();
            return (null, $"corrupt or unreadable archive: {ex.Message}");
        }
    }

    private IEnumerable<InputFile> Archive(Stream stream, ZipDirectory directory, string archiveFile, string prefix, bool nested)
    {
        var (zip, failure) = OpenArchive(stream, directory);
        if (zip is null)
        {
            var source = prefix.TrimEnd(InputIdentity.Separator);
            var item = Next(source.Length == 0 ? archiveFile : InputIdentity.Entry(archiveFile, source), source);
            if (item is not null) yield return item with { Status = ReportStatus.Unreadable, Reason = failure! };
            yield break;
        }
        using (zip)
        {
            foreach (var item in Entries(zip, directory, archiveFile, prefix, nested)) yield return item;
        }
    }

    private IEnumerable<InputFile> Entries(ZipArchive zip, ZipDirectory directory, string archiveFile, string prefix, bool nested)
    {
        var names = Names(directory);
        if (names.Count == 0)
        {
            var source = prefix.TrimEnd(InputIdentity.Separator);
            var item = Next(source.Length == 0 ? archiveFile : InputIdentity.Entry(archiveFile, source), source);
            if (item is not null) yield return item with { Status = ReportStatus.NotAReport, Reason = "the archive holds no files" };
            yield break;
        }
        foreach (var (name, i) in names)
        {
            _cancel.ThrowIfCancellationRequested();
            foreach (var item in Entry(zip.Entries[i], directory.Entries[i], prefix + name, archiveFile, nested)) yield return item;
        }
    }

    /// <summary>One archive entry: skipped (another shard's), expanded (a zip inside the archive), or listed.</summary>
    private IEnumerable<InputFile> Entry(ZipArchiveEntry entry, ZipRecord record, string source, string archiveFile, bool nested)
    {
        string file = InputIdentity.Entry(archiveFile, source);
        // A nested archive must be read to list its entries, whatever the shard.
        if (!_include(file) && (nested || !(record.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || LooksLikeZip(entry, record))))
        {
            _index++;
            yield break;
        }
        var (bytes, failure) = Read(entry, record);
        if (bytes is not null && !nested && IsZip(bytes))
        {
            var inner = new MemoryStream(bytes, writable: false);
            var (directory, problem) = OpenDirectory(inner);
            if (directory is not null)
            {
                foreach (var item in Archive(inner, directory, archiveFile, source + InputIdentity.Separator, nested: true)) yield return item;
                yield break;
            }
            if (problem is not null)
            {
                bytes = null;
                failure = problem.Replace("corrupt or unreadable archive", "corrupt nested archive", StringComparison.Ordinal);
            }
        }
        var next = Next(file, source);
        if (next is not null) yield return Listed(next, bytes, failure, nested);
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

    private static bool IsOfficeBytes(byte[] bytes) => OpenDirectory(new MemoryStream(bytes, writable: false)) is (null, null);

    private static bool LooksLikeZip(ZipArchiveEntry entry, ZipRecord record)
    {
        if (record.Problem is not null) return false;
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

    /// <summary>
    /// The entry's bytes, checked against what the directory declares: no more than the size limit, exactly the declared
    /// size (a longer or shorter entry is an error, never cut silently) and the declared CRC-32.
    /// </summary>
    private (byte[]? Bytes, string? Failure) Read(ZipArchiveEntry entry, ZipRecord record)
    {
        if (record.Problem is { } problem) return (null, problem);
        if (record.Size > _maxEntryBytes)
            return (null, $"the entry is {record.Size:N0} bytes, over the limit of {_maxEntryBytes:N0}");
        try
        {
            using var s = entry.Open();
            var buffer = new byte[record.Size];
            int read = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read != buffer.Length) return (null, $"the entry is truncated ({read:N0} of the {record.Size:N0} bytes its header declares)");
            Span<byte> more = stackalloc byte[1];
            if (s.Read(more) > 0) return (null, $"the entry holds more than the {record.Size:N0} bytes its header declares (a damaged archive); not read");
            if (ZipDirectory.Crc32Of(buffer) != record.Crc) return (null, "the entry fails its CRC-32 check (a damaged archive); not read");
            return (buffer, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            return (null, $"corrupt archive entry: {Reasons.WithoutPaths(ex.Message)}");
        }
    }
}
