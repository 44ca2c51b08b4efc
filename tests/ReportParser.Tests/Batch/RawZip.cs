using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace ReportParser.Tests.Batch;

/// <summary>One entry of a zip written byte by byte: any name bytes, flags, host and extra field, and sizes or a CRC that may lie.</summary>
internal sealed record RawEntry(byte[] Name, byte[] Data)
{
    public RawEntry(string name, byte[] data)
        : this(Encoding.UTF8.GetBytes(name), data)
    {
    }

    public ushort Flags { get; init; }

    /// <summary>The system the archive claims it was made on: 0 MS-DOS/Windows, 3 Unix.</summary>
    public byte Host { get; init; }

    public byte[] Extra { get; init; } = [];

    public bool Deflate { get; init; }

    /// <summary>The CRC-32 the headers declare; the true one when null.</summary>
    public uint? DeclaredCrc { get; init; }

    /// <summary>The uncompressed size the headers declare; the true one when null.</summary>
    public uint? DeclaredSize { get; init; }

    /// <summary>Points the directory at an earlier entry's local header instead of writing one (the entries then share their data).</summary>
    public int? SharesDataWith { get; init; }

    /// <summary>The compressed size the directory declares; the true one when null (a larger one runs over the next entry).</summary>
    public uint? DeclaredCompressedSize { get; init; }
}

/// <summary>Writes zips byte by byte, so tests can make the broken ones no archiver would.</summary>
internal static class RawZip
{
    public static byte[] Build(IReadOnlyList<RawEntry> entries)
    {
        var output = new MemoryStream();
        var w = new BinaryWriter(output);
        var offsets = new long[entries.Count];
        var stored = new byte[entries.Count][];
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            stored[i] = e.Deflate ? Deflated(e.Data) : e.Data;
            if (e.SharesDataWith is int j)
            {
                offsets[i] = offsets[j];
                continue;
            }
            offsets[i] = output.Position;
            w.Write(0x04034b50u);
            w.Write((ushort)20);
            w.Write(e.Flags);
            w.Write((ushort)(e.Deflate ? 8 : 0));
            w.Write((ushort)0);
            w.Write((ushort)0x21);
            w.Write(e.DeclaredCrc ?? Crc32.HashToUInt32(e.Data));
            w.Write((uint)stored[i].Length);
            w.Write(e.DeclaredSize ?? (uint)e.Data.Length);
            w.Write((ushort)e.Name.Length);
            w.Write((ushort)0);
            w.Write(e.Name);
            w.Write(stored[i]);
        }
        long directory = output.Position;
        for (int i = 0; i < entries.Count; i++) WriteDirectoryEntry(w, entries[i], stored[i], offsets[i]);
        long size = output.Position - directory;
        w.Write(0x06054b50u);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)entries.Count);
        w.Write((ushort)entries.Count);
        w.Write((uint)size);
        w.Write((uint)directory);
        w.Write((ushort)0);
        w.Flush();
        return output.ToArray();
    }

    private static void WriteDirectoryEntry(BinaryWriter w, RawEntry e, byte[] stored, long offset)
    {
        w.Write(0x02014b50u);
        w.Write((ushort)((e.Host << 8) | 20));
        w.Write((ushort)20);
        w.Write(e.Flags);
        w.Write((ushort)(e.Deflate ? 8 : 0));
        w.Write((ushort)0);
        w.Write((ushort)0x21);
        w.Write(e.DeclaredCrc ?? Crc32.HashToUInt32(e.Data));
        w.Write(e.DeclaredCompressedSize ?? (uint)stored.Length);
        w.Write(e.DeclaredSize ?? (uint)e.Data.Length);
        w.Write((ushort)e.Name.Length);
        w.Write((ushort)e.Extra.Length);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write(0u);
        w.Write((uint)offset);
        w.Write(e.Name);
        w.Write(e.Extra);
    }

    public static byte[] Deflated(byte[] data)
    {
        var ms = new MemoryStream();
        using (var d = new DeflateStream(ms, CompressionLevel.Optimal, leaveOpen: true)) d.Write(data);
        return ms.ToArray();
    }

    /// <summary>The Info-ZIP Unicode path extra field (0x7075) for a header name, holding <paramref name="unicode"/>.</summary>
    public static byte[] UnicodePath(byte[] headerName, string unicode)
    {
        var u = Encoding.UTF8.GetBytes(unicode);
        var f = new byte[9 + u.Length];
        BitConverter.GetBytes((ushort)0x7075).CopyTo(f, 0);
        BitConverter.GetBytes((ushort)(5 + u.Length)).CopyTo(f, 2);
        f[4] = 1;
        BitConverter.GetBytes(Crc32.HashToUInt32(headerName)).CopyTo(f, 5);
        u.CopyTo(f, 9);
        return f;
    }
}
