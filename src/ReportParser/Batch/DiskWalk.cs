using System.Text;
using ReportParser.Validation;

namespace ReportParser.Batch;

/// <summary>
/// One thing the walk found on disk: a regular file to read, or something listed with <see cref="Status"/> (missing,
/// not a regular file, a folder that cannot be read or was already walked).
/// </summary>
internal sealed class DiskEntry
{
    public required string Identity { get; init; }

    /// <summary>A path by which .NET can open the file again later; null when there is none (a path over the system's limit, a name that is not UTF-8): the file must then be read while the walk stands at it.</summary>
    public string? Path { get; init; }

    public ReportStatus? Status { get; init; }

    public string Reason { get; init; } = "";

    /// <summary>Opens the file; valid only while the walk stands at this entry.</summary>
    public Func<(FileStream? Stream, string? Failure)> Open { get; init; } = () => (null, "unreadable");
}

/// <summary>
/// Walks the inputs: files as given, folders recursively in ordinal order of the path (a folder's files and sub-folders
/// sorted by name, a sub-folder as if its name ended with <c>/</c>, which is the order of the full paths). On Linux
/// (<see cref="Posix"/>) each folder is opened relative to its parent's handle, so paths longer than the system's
/// limit are walked too; names are kept as bytes, and a name that is not UTF-8 gets its bytes escaped in the identity
/// (<see cref="InputIdentity"/>). Links are followed; a folder reached a second time (a link cycle, or two links to one
/// folder), known by device and inode, is listed as <c>not-a-report</c> instead of being walked again. A file that is not
/// a regular file is listed as <c>unreadable</c> without being opened; a folder that cannot be read is listed as
/// <c>unreadable</c> with the reason. Nothing is skipped silently.
/// </summary>
internal sealed class DiskWalk
{
    /// <summary>Folders nested deeper than this are listed, not walked (each level holds an open handle).</summary>
    public const int MaxDepth = 256;

    /// <summary>A path longer than this (UTF-8 bytes) is not handed to .NET to reopen; the kernel's limit is 4,096 with the terminator.</summary>
    private const int MaxReopenBytes = 4000;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<(ulong, ulong)> _walked = new();
    private readonly HashSet<string> _walkedManaged = new(StringComparer.Ordinal);

    public IEnumerable<DiskEntry> Walk(IReadOnlyList<string> inputs)
    {
        foreach (var input in inputs)
        {
            var entries = Posix.IsAvailable ? Native(input) : Managed(input);
            foreach (var e in entries) yield return e;
        }
    }

    private static string Full(string path)
    {
        try { return System.IO.Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }

    private bool FirstTime(string fullKey) => _seen.Add(fullKey);

    private static DiskEntry Listed(string identity, ReportStatus status, string reason) => new() { Identity = identity, Status = status, Reason = reason };

    // ---- Linux: by handle ----

    private IEnumerable<DiskEntry> Native(string input)
    {
        var identity = InputIdentity.Escape(input);
        var bytes = Posix.Bytes(input);
        // A NUL would end the path early and name another file.
        var status = input.Contains('\0') ? new Posix.Status(Posix.Kind.Missing, 0, 0, 0, Posix.ENOENT) : Posix.Stat(Posix.AtFdCwd, bytes, follow: true);
        if (status.Failed)
        {
            if (FirstTime(InputIdentity.Escape(Full(input)))) yield return Listed(identity, ReportStatus.Unreadable, Missing(Posix.AtFdCwd, bytes, status.Error));
            yield break;
        }
        if (status.Kind == Posix.Kind.Directory)
        {
            foreach (var e in NativeFolder(input, identity, status)) yield return e;
            yield break;
        }
        if (!FirstTime(InputIdentity.Escape(Full(input)))) yield break;
        if (status.Kind != Posix.Kind.Regular)
        {
            yield return Listed(identity, ReportStatus.Unreadable, RegularFile.NotRegular(status.Kind));
            yield break;
        }
        yield return new DiskEntry
        {
            Identity = identity,
            Path = bytes.Length < MaxReopenBytes ? input : null,
            Open = () => (RegularFile.Open(Posix.AtFdCwd, bytes, out var f), f),
        };
    }

    /// <summary>Why a name cannot be stat'ed: missing, or a link to nothing.</summary>
    private static string Missing(int dir, ReadOnlySpan<byte> name, int error)
    {
        if (error != Posix.ENOENT) return RegularFile.Describe(error);
        var link = Posix.Stat(dir, name, follow: false);
        return !link.Failed && link.Kind == Posix.Kind.Link ? "a link to nothing (its target does not exist)" : "not found";
    }

    private sealed record Folder(Microsoft.Win32.SafeHandles.SafeFileHandle Handle, string Identity, string? Path, string Key, int Depth);

    private IEnumerable<DiskEntry> NativeFolder(string input, string identity, Posix.Status status)
    {
        var handle = Posix.Open(Posix.AtFdCwd, Posix.Bytes(input), out int error);
        if (handle is null)
        {
            if (FirstTime(InputIdentity.Escape(Full(input)))) yield return Listed(identity, ReportStatus.Unreadable, "cannot read the folder: " + Posix.Describe(error));
            yield break;
        }
        _walked.Add((status.Device, status.Inode));
        var root = new Folder(handle, Slash(identity), Slash(input), Slash(InputIdentity.Escape(Full(input))), 0);
        foreach (var e in NativeChildren(root)) yield return e;
    }

    private static string Slash(string path) => path.EndsWith('/') ? path : path + "/";

    private sealed record Child(byte[] Name, string Escaped, bool Valid, Posix.Status Status, string SortKey);

    private IEnumerable<DiskEntry> NativeChildren(Folder folder)
    {
        using var handle = folder.Handle;
        var names = Posix.List(handle, out int error);
        if (names is null)
        {
            yield return Listed(folder.Identity.TrimEnd('/'), ReportStatus.Unreadable, "cannot read the folder: " + Posix.Describe(error));
            yield break;
        }
        int fd = (int)handle.DangerousGetHandle();
        var children = new List<Child>(names.Count);
        foreach (var name in names)
        {
            var escaped = InputIdentity.EscapeUtf8(name, out bool valid);
            var st = Posix.Stat(fd, name, follow: true);
            children.Add(new Child(name, escaped, valid, st, st.Kind == Posix.Kind.Directory ? escaped + "/" : escaped));
        }
        children.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        foreach (var c in children)
        {
            foreach (var e in NativeChild(folder, fd, c)) yield return e;
        }
    }

    private IEnumerable<DiskEntry> NativeChild(Folder folder, int fd, Child c)
    {
        string identity = folder.Identity + c.Escaped;
        string? path = folder.Path is not null && c.Valid ? folder.Path + Encoding.UTF8.GetString(c.Name) : null;
        if (path is not null && Encoding.UTF8.GetByteCount(path) >= MaxReopenBytes) path = null;
        if (c.Status.Failed)
        {
            if (FirstTime(folder.Key + c.Escaped)) yield return Listed(identity, ReportStatus.Unreadable, Missing(fd, c.Name, c.Status.Error));
            yield break;
        }
        if (c.Status.Kind == Posix.Kind.Directory)
        {
            foreach (var e in NativeSubfolder(folder, fd, c, identity, path)) yield return e;
            yield break;
        }
        if (!FirstTime(folder.Key + c.Escaped)) yield break;
        if (c.Status.Kind != Posix.Kind.Regular)
        {
            yield return Listed(identity, ReportStatus.Unreadable, RegularFile.NotRegular(c.Status.Kind));
            yield break;
        }
        var name = c.Name;
        yield return new DiskEntry { Identity = identity, Path = path, Open = () => (RegularFile.Open(fd, name, out var f), f) };
    }

    private IEnumerable<DiskEntry> NativeSubfolder(Folder folder, int fd, Child c, string identity, string? path)
    {
        if (!_walked.Add((c.Status.Device, c.Status.Inode)))
        {
            yield return Listed(identity, ReportStatus.NotAReport, "a link to a folder already walked (a link cycle, or a second link to one folder); not walked again");
            yield break;
        }
        if (folder.Depth + 1 > MaxDepth)
        {
            yield return Listed(identity, ReportStatus.Unreadable, $"folders nested more than {MaxDepth} deep; not walked");
            yield break;
        }
        var handle = Posix.Open(fd, c.Name, out int error);
        if (handle is null)
        {
            yield return Listed(identity, ReportStatus.Unreadable, "cannot read the folder: " + Posix.Describe(error));
            yield break;
        }
        var sub = new Folder(handle, identity + "/", path is null ? null : path + "/", folder.Key + c.Escaped + "/", folder.Depth + 1);
        foreach (var e in NativeChildren(sub)) yield return e;
    }

    // ---- elsewhere: the managed file-system API ----

    private IEnumerable<DiskEntry> Managed(string input)
    {
        var identity = InputIdentity.Escape(input);
        if (Directory.Exists(input))
        {
            _walkedManaged.Add(Full(input).TrimEnd('/', '\\'));
            foreach (var e in ManagedFolder(new DirectoryInfo(input), Slash(identity), input, 0)) yield return e;
            yield break;
        }
        if (!FirstTime(InputIdentity.Escape(Full(input)))) yield break;
        if (!File.Exists(input))
        {
            yield return Listed(identity, ReportStatus.Unreadable, "not found");
            yield break;
        }
        yield return new DiskEntry { Identity = identity, Path = input, Open = () => (RegularFile.Open(input, out var f), f) };
    }

    private IEnumerable<DiskEntry> ManagedFolder(DirectoryInfo dir, string identity, string path, int depth)
    {
        var (children, failure) = ManagedList(dir);
        if (children is null)
        {
            if (FirstTime(InputIdentity.Escape(Full(path)))) yield return Listed(identity.TrimEnd('/'), ReportStatus.Unreadable, "cannot read the folder: " + failure);
            yield break;
        }
        foreach (var info in children)
        {
            string childIdentity = identity + InputIdentity.Escape(info.Name);
            if (info is DirectoryInfo sub)
            {
                foreach (var e in ManagedSubfolder(sub, childIdentity, depth)) yield return e;
                continue;
            }
            if (!FirstTime(InputIdentity.Escape(info.FullName))) continue;
            var full = info.FullName;
            yield return new DiskEntry { Identity = childIdentity, Path = full, Open = () => (RegularFile.Open(full, out var f), f) };
        }
    }

    private IEnumerable<DiskEntry> ManagedSubfolder(DirectoryInfo sub, string identity, int depth)
    {
        string real;
        try { real = (sub.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? sub.FullName).TrimEnd('/', '\\'); }
        catch (IOException) { real = sub.FullName.TrimEnd('/', '\\'); }
        if (!_walkedManaged.Add(real))
        {
            yield return Listed(identity, ReportStatus.NotAReport, "a link to a folder already walked (a link cycle, or a second link to one folder); not walked again");
            yield break;
        }
        if (depth + 1 > MaxDepth)
        {
            yield return Listed(identity, ReportStatus.Unreadable, $"folders nested more than {MaxDepth} deep; not walked");
            yield break;
        }
        foreach (var e in ManagedFolder(sub, identity + "/", sub.FullName, depth + 1)) yield return e;
    }

    private static (List<FileSystemInfo>? Children, string? Failure) ManagedList(DirectoryInfo dir)
    {
        try
        {
            var list = dir.EnumerateFileSystemInfos().ToList();
            list.Sort((a, b) => string.CompareOrdinal(a is DirectoryInfo ? a.Name + "/" : a.Name, b is DirectoryInfo ? b.Name + "/" : b.Name));
            return (list, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, RegularFile.Describe(ex));
        }
    }
}
