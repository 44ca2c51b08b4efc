namespace ReportParser.Batch;

/// <summary>
/// One input file of a batch, as <see cref="InputEnumerator"/> yields it: a file on disk (read when it is parsed), an
/// archive entry (its bytes already read, since an archive is read sequentially), or a file that failed before parsing
/// (<see cref="Status"/> set).
/// </summary>
/// <param name="Index">Position in the full enumeration (all shards): the order of every output.</param>
/// <param name="File">Identity: the path as given, or <c>archive.zip!entry/path</c> (and <c>a.zip!inner.zip!x.txt</c>).</param>
/// <param name="Source">The entry path inside the archive, or empty for a file on disk.</param>
public sealed record InputFile(long Index, string File, string Source)
{
    /// <summary>The file on disk to read, or null.</summary>
    public string? Path { get; init; }

    /// <summary>The bytes of an archive entry, or null.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>When set, the file is not parsed: it is listed with this status and <see cref="Reason"/>.</summary>
    public ReportStatus? Status { get; init; }

    /// <summary>Why the file has <see cref="Status"/>; empty otherwise.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The file's bytes: <see cref="Bytes"/>, or the contents of <see cref="Path"/>.</summary>
    /// <exception cref="InvalidOperationException">The file has neither bytes nor a path (its <see cref="Status"/> says why).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public byte[] ReadAllBytes()
        => Bytes ?? (Path is { } p ? System.IO.File.ReadAllBytes(p) : throw new InvalidOperationException($"{File}: {Reason}"));
}
