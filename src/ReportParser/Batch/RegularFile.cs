using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace ReportParser.Batch;

/// <summary>The bytes of a file, or why there are none.</summary>
/// <param name="Bytes">The contents, or null.</param>
/// <param name="Length">The size the file has (or the bytes read, when more), when known.</param>
/// <param name="Failure">Why there are no bytes; null when there are.</param>
internal readonly record struct FileRead(byte[]? Bytes, long? Length, string? Failure);

/// <summary>
/// Opens and reads only regular files, and never more than a limit. A FIFO, device or socket is refused without
/// being read (on Linux it is opened without blocking and checked on its handle, so one swapped in after the folder
/// was listed cannot hang the run); a file is read to at most one byte past the limit whatever size it claims, so a
/// growing file or a link to <c>/dev/zero</c> costs no more than the limit.
/// </summary>
internal static class RegularFile
{
    /// <summary>Opens the file at <paramref name="path"/> for reading, or gives the reason it cannot be.</summary>
    public static FileStream? Open(string path, out string? failure)
    {
        if (Posix.IsAvailable) return Open(Posix.AtFdCwd, Posix.Bytes(path), out failure);
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo { Exists: true })
            {
                failure = "a link to nothing that can be read";
                return null;
            }
            failure = null;
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = Describe(ex);
            return null;
        }
    }

    /// <summary>Opens <paramref name="name"/> in the open folder <paramref name="dir"/> (Linux only).</summary>
    public static FileStream? Open(int dir, ReadOnlySpan<byte> name, out string? failure)
    {
        var handle = Posix.Open(dir, name, out int error);
        if (handle is null)
        {
            failure = Describe(error);
            return null;
        }
        var status = Posix.Stat(handle);
        if (status.Kind != Posix.Kind.Regular)
        {
            handle.Dispose();
            failure = status.Failed ? Describe(status.Error) : NotRegular(status.Kind);
            return null;
        }
        failure = null;
        return Stream(handle);
    }

    private static FileStream Stream(SafeFileHandle handle) => new(handle, FileAccess.Read, 1);

    /// <summary>Reads at most <paramref name="max"/> bytes; a longer stream gives a failure with the size it has.</summary>
    public static FileRead Read(Stream stream, long max)
    {
        long claimed = Claimed(stream);
        if (claimed > max) return OverLimit(claimed, max);
        var buffer = ReadUpTo(stream, max + 1, claimed);
        if (buffer.LongLength > max) return OverLimit(Math.Max(claimed, buffer.LongLength), max, more: claimed < buffer.LongLength);
        return new FileRead(buffer, buffer.LongLength, null);
    }

    private static long Claimed(Stream stream)
    {
        try { return stream.CanSeek ? stream.Length : -1; }
        catch (IOException) { return -1; }
    }

    /// <summary>The first <paramref name="cap"/> bytes of the stream at most (fewer when it ends first), allocated as they arrive.</summary>
    public static byte[] ReadUpTo(Stream stream, long cap, long claimed = -2)
    {
        if (claimed == -2) claimed = Claimed(stream);
        cap = Math.Min(cap, Array.MaxLength);
        var buffer = new byte[(int)Math.Clamp(claimed + 1, 1, cap)];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= cap) break;
                Array.Resize(ref buffer, (int)Math.Min(cap, Math.Max(buffer.Length * 2L, 64 * 1024)));
            }
            int n = stream.Read(buffer, filled, buffer.Length - filled);
            if (n == 0) break;
            filled += n;
        }
        if (filled != buffer.Length) Array.Resize(ref buffer, filled);
        return buffer;
    }

    private static FileRead OverLimit(long length, long max, bool more = false)
        => new(null, length, more
            ? string.Create(CultureInfo.InvariantCulture, $"the file holds more than {max:N0} bytes, the limit")
            : string.Create(CultureInfo.InvariantCulture, $"the file is {length:N0} bytes, over the limit of {max:N0}"));

    /// <summary>Opens and reads the file at <paramref name="path"/> (see <see cref="Read(Stream, long)"/>).</summary>
    public static FileRead Read(string path, long max)
    {
        try
        {
            using var stream = Open(path, out var failure);
            return stream is null ? new FileRead(null, null, failure) : Read(stream, max);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileRead(null, null, Describe(ex));
        }
    }

    /// <summary>The reason for a file that is not a regular file.</summary>
    public static string NotRegular(Posix.Kind kind) => kind switch
    {
        Posix.Kind.Fifo => "not a regular file (a FIFO)",
        Posix.Kind.CharDevice => "not a regular file (a character device)",
        Posix.Kind.BlockDevice => "not a regular file (a block device)",
        Posix.Kind.Socket => "not a regular file (a socket)",
        Posix.Kind.Directory => "not a regular file (a folder)",
        _ => "not a regular file",
    };

    /// <summary>The reason for an error number, without any path.</summary>
    public static string Describe(int error) => error switch
    {
        Posix.ENOENT => "not found",
        Posix.ELOOP => "a link that leads back to itself (too many levels of links)",
        _ => "cannot read: " + Posix.Describe(error),
    };

    /// <summary>The reason for an exception, without the path .NET puts in its message.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "not found",
        UnauthorizedAccessException => "cannot read: permission denied",
        PathTooLongException => "cannot read: the path is too long",
        _ => "cannot read: " + Reasons.WithoutPaths(ex.Message),
    };
}

/// <summary>Keeps absolute paths out of the <c>reason</c> column: the identity says which file, a reason says why.</summary>
internal static partial class Reasons
{
    /// <summary><paramref name="text"/> with each absolute path (<c>/a/b/c</c>, <c>C:\a\b</c>) shortened to its last part.</summary>
    public static string WithoutPaths(string text)
    {
        if (text.IndexOf('/') < 0 && text.IndexOf('\\') < 0) return text;
        return AbsolutePath().Replace(text, m =>
        {
            var path = m.Value.TrimEnd('/', '\\');
            int cut = path.LastIndexOfAny(['/', '\\']);
            return cut < 0 ? m.Value : "…" + path[cut..];
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.~%-])(?:/|[A-Za-z]:\\)(?:[^\s/\\'""`:;,()\[\]]+[/\\])+[^\s/\\'""`:;,()\[\]]*")]
    private static partial System.Text.RegularExpressions.Regex AbsolutePath();
}
