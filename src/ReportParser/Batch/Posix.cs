using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ReportParser.Batch;

/// <summary>
/// The few Linux system calls the folder walk needs and .NET does not offer: <c>openat</c>, <c>statx</c> and
/// <c>readdir</c> on a directory handle. Through them a folder is walked relative to its parent's handle (so a path
/// longer than the kernel's 4,096-byte limit is still walked), names are read as the bytes they are (so two names that
/// are not UTF-8 stay two files), the kind of a file is known before it is opened (a FIFO is never opened), and a file
/// is opened without blocking and checked again on its handle. <c>statx</c> is used rather than <c>stat</c> because its
/// record has the same layout on every architecture. <see cref="IsAvailable"/> is false elsewhere (Windows, macOS, a C
/// library without <c>statx</c>): the walk then uses the managed file-system API.
/// </summary>
internal static class Posix
{
    public const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;

    // The same values on x86-64 and arm64.
    private const int ORdOnly = 0, ONonBlock = 0x800, OCloExec = 0x80000;

    public const int ENOENT = 2, ENAMETOOLONG = 36, ELOOP = 40;

    /// <summary>The kind of a file, from the <c>st_mode</c> type bits.</summary>
    public enum Kind { Missing, Regular, Directory, Link, Fifo, CharDevice, BlockDevice, Socket, Other }

    /// <summary>What <c>statx</c> says of a file: its kind, identity (device and inode) and size; or the error number.</summary>
    public readonly record struct Status(Kind Kind, ulong Device, ulong Inode, long Size, int Error)
    {
        public bool Failed => Error != 0;
    }

    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>True on Linux when the C library has <c>statx</c>.</summary>
    public static bool IsAvailable => Available.Value;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Stat(AtFdCwd, "/"u8, follow: true).Kind == Kind.Directory;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The status of <paramref name="name"/> in the folder <paramref name="dir"/> (or <see cref="AtFdCwd"/>); the link itself unless <paramref name="follow"/>.</summary>
    public static Status Stat(int dir, ReadOnlySpan<byte> name, bool follow)
    {
        var buffer = new byte[256];
        int r = Native.statx(dir, Terminated(name), follow ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer);
        return r == 0 ? Parse(buffer) : new Status(Kind.Missing, 0, 0, 0, Marshal.GetLastPInvokeError());
    }

    /// <summary>The status of an open handle.</summary>
    public static Status Stat(SafeHandle handle)
    {
        var buffer = new byte[256];
        bool added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            int r = Native.statx((int)handle.DangerousGetHandle(), [0], AtEmptyPath, StatxBasicStats, buffer);
            return r == 0 ? Parse(buffer) : new Status(Kind.Missing, 0, 0, 0, Marshal.GetLastPInvokeError());
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private static Status Parse(byte[] b)
    {
        int mode = BitConverter.ToUInt16(b, 28);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0xA000 => Kind.Link,
            0x1000 => Kind.Fifo,
            0x2000 => Kind.CharDevice,
            0x6000 => Kind.BlockDevice,
            0xC000 => Kind.Socket,
            _ => Kind.Other,
        };
        ulong device = ((ulong)BitConverter.ToUInt32(b, 136) << 32) | BitConverter.ToUInt32(b, 140);
        return new Status(kind, device, BitConverter.ToUInt64(b, 32), (long)BitConverter.ToUInt64(b, 40), 0);
    }

    /// <summary>
    /// Opens <paramref name="name"/> in <paramref name="dir"/> for reading without blocking (a FIFO swapped in since
    /// it was listed does not hang the open), or returns the error number.
    /// </summary>
    public static SafeFileHandle? Open(int dir, ReadOnlySpan<byte> name, out int error)
    {
        int fd = Native.openat(dir, Terminated(name), ORdOnly | ONonBlock | OCloExec);
        error = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>The names in an open folder (without <c>.</c> and <c>..</c>), as bytes; the handle stays open.</summary>
    public static List<byte[]>? List(SafeFileHandle dir, out int error)
    {
        error = 0;
        bool added = false;
        dir.DangerousAddRef(ref added);
        try
        {
            int fd = Native.dup((int)dir.DangerousGetHandle());
            IntPtr stream = fd < 0 ? IntPtr.Zero : Native.fdopendir(fd);
            if (stream == IntPtr.Zero)
            {
                error = Marshal.GetLastPInvokeError();
                if (fd >= 0) _ = Native.close(fd);
                return null;
            }
            try
            {
                return ReadNames(stream);
            }
            finally
            {
                _ = Native.closedir(stream);
            }
        }
        finally
        {
            if (added) dir.DangerousRelease();
        }
    }

    // struct dirent on 64-bit Linux (glibc and musl): d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
    private const int NameOffset = 19;

    private static List<byte[]> ReadNames(IntPtr stream)
    {
        var names = new List<byte[]>();
        for (IntPtr e = Native.readdir(stream); e != IntPtr.Zero; e = Native.readdir(stream))
        {
            int length = 0;
            while (Marshal.ReadByte(e, NameOffset + length) != 0) length++;
            var name = new byte[length];
            Marshal.Copy(e + NameOffset, name, 0, length);
            if (name is [(byte)'.'] or [(byte)'.', (byte)'.']) continue;
            names.Add(name);
        }
        return names;
    }

    /// <summary>The system's text for an error number, lower-cased first letter (<c>permission denied</c>).</summary>
    public static string Describe(int error)
    {
        var text = Marshal.GetPInvokeErrorMessage(error);
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static byte[] Terminated(ReadOnlySpan<byte> name)
    {
        var z = new byte[name.Length + 1];
        name.CopyTo(z);
        return z;
    }

    /// <summary>The bytes of a .NET path string as the kernel sees them.</summary>
    public static byte[] Bytes(string path) => Encoding.UTF8.GetBytes(path);

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int dirfd, byte[] path, int flags, uint mask, [Out] byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern int openat(int dirfd, byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int dup(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern IntPtr fdopendir(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern IntPtr readdir(IntPtr dir);

        [DllImport("libc", SetLastError = true)]
        public static extern int closedir(IntPtr dir);
    }
}
