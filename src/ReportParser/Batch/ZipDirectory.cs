using System.Buffers.Binary;
using System.IO.Hashing;

namespace ReportParser.Batch;

/// <summary>One entry of a zip's central directory, as the bytes say.</summary>
/// <param name="Name">The entry name as an identity part (decoded by <see cref="ZipNameEncoding"/>, escaped by <see cref="InputIdentity"/>).</param>
/// <param name="RawName">The name's bytes.</param>
/// <param name="Flags">The general-purpose flags (bit 0: encrypted, bit 11: UTF-8 name).</param>
/// <param name="Method">The compression method.</param>
/// <param name="Crc">The CRC-32 of the uncompressed bytes.</param>
/// <param name="CompressedSize">The size of the stored bytes.</param>
/// <param name="Size">The uncompressed size the directory declares.</param>
/// <param name="HeaderOffset">Where the entry's local header starts.</param>
internal sealed record ZipRecord(string Name, byte[] RawName, ushort Flags, ushort Method, uint Crc, long CompressedSize, long Size, long HeaderOffset)
{
    /// <summary>A folder entry: its name ends with a slash and it holds nothing.</summary>
    public bool IsDirectory => RawName is [.., (byte)'/' or (byte)'\\'] && Size == 0;

    /// <summary>Why the entry cannot be read whatever its contents (it overlaps another, its header is damaged, it is encrypted); null when it can.</summary>
    public string? Problem { get; set; }

    public bool Is(ReadOnlySpan<byte> name) => RawName.AsSpan().SequenceEqual(name);
}

/// <summary>
/// Reads a zip's central directory itself (end record, zip64 end record, entries with their zip64 and Info-ZIP
/// Unicode path extra fields), because the runtime's <see cref="System.IO.Compression.ZipArchive"/> does not say where
/// an entry's data lies, how the name was written, or whether two entries share bytes. Entries whose data overlap
/// another entry's or the directory are marked (<see cref="ZipRecord.Problem"/>), as UnZip and CPython's zipfile
/// refuse them: overlapping entries are how a small file expands to terabytes without nesting.
/// </summary>
internal sealed class ZipDirectory
{
    /// <summary>A directory larger than this is refused rather than read into memory.</summary>
    public const int MaxDirectoryBytes = 256 * 1024 * 1024;

    private const uint EndSignature = 0x06054b50, Zip64EndSignature = 0x06064b50, Zip64LocatorSignature = 0x07064b50;
    private const uint EntrySignature = 0x02014b50, LocalSignature = 0x04034b50;

    private ZipDirectory(List<ZipRecord> entries) => Entries = entries;

    public IReadOnlyList<ZipRecord> Entries { get; }

    /// <summary>
    /// An Office Open XML or OpenDocument file: a zip, but one document. Recognised by its main part
    /// (<c>word/document.xml</c>, <c>xl/workbook.xml</c>, <c>xl/workbook.bin</c>, <c>ppt/presentation.xml</c>) or an
    /// OpenDocument <c>mimetype</c> first entry, never by <c>[Content_Types].xml</c> alone.
    /// </summary>
    public bool IsOfficeDocument
        => (Entries.Count > 0 && Entries[0].Is("mimetype"u8))
           || Entries.Any(e => e.Is("word/document.xml"u8) || e.Is("xl/workbook.xml"u8) || e.Is("xl/workbook.bin"u8) || e.Is("ppt/presentation.xml"u8));

    /// <summary>Reads the directory of the zip in <paramref name="stream"/> (seekable).</summary>
    /// <exception cref="InvalidDataException">There is no readable directory; the message says what is wrong.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static ZipDirectory Read(Stream stream)
    {
        long length = stream.Length;
        var (count, size, offset, end) = FindEnd(stream, length);
        if (size > MaxDirectoryBytes) throw new InvalidDataException($"the central directory is {size:N0} bytes, over {MaxDirectoryBytes:N0}");
        if (offset < 0 || size < 0 || offset + size > end) throw new InvalidDataException("the central directory lies outside the file");
        var directory = new byte[size];
        ReadAt(stream, offset, directory);
        var entries = ParseEntries(directory, count);
        MarkOverlaps(stream, entries, offset);
        return new ZipDirectory(entries);
    }

    private static (long Count, long Size, long Offset, long End) FindEnd(Stream stream, long length)
    {
        int tail = (int)Math.Min(length, 22 + 65_535 + 20);
        if (tail < 22) throw new InvalidDataException("the file is too short to be a zip archive");
        var buffer = new byte[tail];
        ReadAt(stream, length - tail, buffer);
        for (int i = tail - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) != EndSignature) continue;
            var e = buffer.AsSpan(i);
            long count = BinaryPrimitives.ReadUInt16LittleEndian(e[10..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(e[12..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(e[16..]);
            long at = length - tail + i;
            if ((count == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF) && i >= 20
                && BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i - 20)) == Zip64LocatorSignature)
            {
                return Zip64End(stream, (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(i - 12)), at - 20);
            }
            return (count, size, offset, at);
        }
        throw new InvalidDataException("no end of central directory record: not a zip archive, or a truncated one");
    }

    private static (long, long, long, long) Zip64End(Stream stream, long at, long locator)
    {
        if (at < 0 || at + 56 > locator) throw new InvalidDataException("the zip64 end record lies outside the file");
        var e = new byte[56];
        ReadAt(stream, at, e);
        if (BinaryPrimitives.ReadUInt32LittleEndian(e) != Zip64EndSignature) throw new InvalidDataException("the zip64 end record is damaged");
        long count = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(e.AsSpan(32)), long.MaxValue);
        long size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(e.AsSpan(40)), long.MaxValue);
        long offset = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(e.AsSpan(48)), long.MaxValue);
        return (count, size, offset, at);
    }

    private static List<ZipRecord> ParseEntries(byte[] d, long declared)
    {
        var entries = new List<ZipRecord>();
        int p = 0;
        while (p + 46 <= d.Length && BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(p)) == EntrySignature)
        {
            var h = d.AsSpan(p);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]), extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
            int next = p + 46 + nameLength + extraLength + commentLength;
            if (next > d.Length) throw new InvalidDataException($"entry {entries.Count + 1} of the central directory is cut off");
            var raw = h.Slice(46, nameLength).ToArray();
            var extra = h.Slice(46 + nameLength, extraLength);
            entries.Add(Record(h, raw, extra));
            p = next;
        }
        if (entries.Count != declared && !(declared == 0xFFFF && entries.Count > 0xFFFF))
            throw new InvalidDataException($"the central directory should list {declared:N0} entries but holds {entries.Count:N0} readable ones");
        return entries;
    }

    private static ZipRecord Record(ReadOnlySpan<byte> h, byte[] raw, ReadOnlySpan<byte> extra)
    {
        byte host = h[5];
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]);
        ReadZip64(extra, ref size, ref compressed, ref offset);
        var name = ZipNameEncoding.Decode(raw, flags, host, extra);
        var record = new ZipRecord(name, raw, flags, BinaryPrimitives.ReadUInt16LittleEndian(h[10..]), BinaryPrimitives.ReadUInt32LittleEndian(h[16..]), compressed, size, offset);
        if ((flags & 1) != 0) record.Problem = "the entry is encrypted; not read";
        return record;
    }

    /// <summary>The zip64 extended information (0x0001): the 64-bit values of the fields that hold 0xFFFFFFFF, in order.</summary>
    private static void ReadZip64(ReadOnlySpan<byte> extra, ref long size, ref long compressed, ref long offset)
    {
        if (size != 0xFFFFFFFF && compressed != 0xFFFFFFFF && offset != 0xFFFFFFFF) return;
        if (ExtraField(extra, 0x0001) is not { } z) return;
        int at = 0;
        Take(z, ref at, ref size);
        Take(z, ref at, ref compressed);
        Take(z, ref at, ref offset);
    }

    private static void Take(ReadOnlySpan<byte> z, ref int at, ref long value)
    {
        if (value != 0xFFFFFFFF || at + 8 > z.Length) return;
        value = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(z[at..]), long.MaxValue);
        at += 8;
    }

    /// <summary>The data of the extra field <paramref name="id"/>, or null.</summary>
    public static ReadOnlySpan<byte> ExtraField(ReadOnlySpan<byte> extra, ushort id, out bool found)
    {
        while (extra.Length >= 4)
        {
            ushort fid = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int len = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + len > extra.Length) break;
            if (fid == id)
            {
                found = true;
                return extra.Slice(4, len);
            }
            extra = extra[(4 + len)..];
        }
        found = false;
        return default;
    }

    private static byte[]? ExtraField(ReadOnlySpan<byte> extra, ushort id)
    {
        var data = ExtraField(extra, id, out bool found);
        return found ? data.ToArray() : null;
    }

    /// <summary>
    /// Marks each entry whose data (from its local header to the end of its compressed bytes) runs into the next
    /// entry's local header or into the central directory, and each whose local header is missing.
    /// </summary>
    private static void MarkOverlaps(Stream stream, List<ZipRecord> entries, long directoryOffset)
    {
        var spans = new List<(long Start, long End, ZipRecord Entry)>(entries.Count);
        var header = new byte[30];
        foreach (var e in entries)
        {
            if (e.HeaderOffset + 30 > directoryOffset || !TryReadAt(stream, e.HeaderOffset, header)
                || BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalSignature)
            {
                e.Problem ??= "the entry's local header is missing or damaged";
                continue;
            }
            long dataStart = e.HeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            spans.Add((e.HeaderOffset, dataStart + e.CompressedSize, e));
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (int i = 0; i < spans.Count; i++)
        {
            var (_, end, entry) = spans[i];
            long limit = i + 1 < spans.Count ? spans[i + 1].Start : directoryOffset;
            if (end <= limit) continue;
            bool intoDirectory = i + 1 == spans.Count;
            entry.Problem = intoDirectory
                ? "the entry's data run into the central directory (a damaged archive or a zip bomb); not read"
                : "the entry's data overlap another entry's (a damaged archive or a zip bomb); not read";
            if (!intoDirectory) spans[i + 1].Entry.Problem ??= "another entry's data overlap this entry (a damaged archive or a zip bomb); not read";
        }
    }

    private static void ReadAt(Stream stream, long offset, byte[] buffer)
    {
        if (!TryReadAt(stream, offset, buffer)) throw new InvalidDataException("the archive is truncated");
    }

    private static bool TryReadAt(Stream stream, long offset, byte[] buffer)
    {
        if (offset < 0 || offset + buffer.Length > stream.Length) return false;
        stream.Position = offset;
        return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
    }

    /// <summary>The CRC-32 of <paramref name="bytes"/>, as zip stores it.</summary>
    public static uint Crc32Of(ReadOnlySpan<byte> bytes) => Crc32.HashToUInt32(bytes);
}
