namespace ReportParser.Batch;

/// <summary>
/// One input file of a batch, as <see cref="InputEnumerator"/> yields it: a file on disk (read when it is parsed), an
/// archive entry (its bytes already read, since an archive is read sequentially), or a file that failed before parsing
/// (<see cref="Status"/> set).
/// </summary>
/// <param name="Index">Position in the full enumeration (all shards): the order of every output.</param>
/// <param name="File">
/// Identity, unique in a run: the path as given, or <c>archive.zip!entry/path</c> (and <c>a.zip!inner.zip!x.txt</c>);
/// the second and later entries of one archive with the same name get <c>#2</c>, <c>#3</c> …; in each part <c>%</c>,
/// <c>!</c>, <c>#</c>, control characters and bytes that are not valid text are escaped as <c>%XX</c>.
/// </param>
/// <param name="Source">The entry path inside the archive (escaped the same way), or empty for a file on disk.</param>
public sealed record InputFile(long Index, string File, string Source)
{
    /// <summary>The file on disk to read, or null.</summary>
    public string? Path { get; init; }

    /// <summary>The bytes of an archive entry (or of a file on disk that no path can reopen), or null.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>When set, the file is not parsed: it is listed with this status and <see cref="Reason"/>.</summary>
    public ReportStatus? Status { get; init; }

    /// <summary>Why the file has <see cref="Status"/>; empty otherwise.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The most bytes read of a file on disk (<see cref="ReadAllBytes"/> stops one byte past it).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The file's bytes: <see cref="Bytes"/>, or the contents of <see cref="Path"/>, read only when it is a regular file
    /// and no further than <see cref="MaxBytes"/> + 1 bytes (so a longer file still exceeds a parser limit of
    /// <see cref="MaxBytes"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The file has neither bytes nor a path (its <see cref="Status"/> says why).</exception>
    /// <exception cref="IOException">The file cannot be read, or is not a regular file.</exception>
    public byte[] ReadAllBytes()
    {
        if (Bytes is { } b) return b;
        if (Path is null) throw new InvalidOperationException($"{File}: {Reason}");
        using var stream = RegularFile.Open(Path, out var failure) ?? throw new IOException($"{File}: {failure}");
        return RegularFile.ReadUpTo(stream, MaxBytes == long.MaxValue ? MaxBytes : MaxBytes + 1);
    }

    /// <summary>The file's bytes, or why there are none (not a regular file, over <paramref name="max"/> bytes, unreadable); never throws for the file.</summary>
    internal FileRead Read(long max)
    {
        if (Bytes is { } b) return new FileRead(b, b.LongLength, null);
        if (Path is null) return new FileRead(null, null, Reason.Length > 0 ? Reason : "unreadable");
        return RegularFile.Read(Path, max);
    }
}
