using System.Buffers.Binary;
using System.Text.Json;
using ReportParser.Batch;

namespace ReportParser.Cli.Workers;

/// <summary>What a worker is asked to do with one file.</summary>
internal enum WorkerJob : byte
{
    /// <summary>Its export rows (<see cref="ParsedFile"/>).</summary>
    Export = 1,

    /// <summary>Its export rows with the blank-as-zero view (<see cref="ExportOptions.BlankAsZero"/>).</summary>
    ExportBlankAsZero = 4,

    /// <summary>Its status and diagnostics (<see cref="CheckResult"/>).</summary>
    Check = 2,

    /// <summary>Its status and report JSON (<see cref="JsonResult"/>).</summary>
    Parse = 3,
}

/// <summary>
/// The messages between the tool and its worker processes, over the worker's standard input and output. Every
/// message is a frame: a 4-byte little-endian length, then that many bytes. The tool sends a handshake (the magic
/// number and the parser options as JSON), the worker answers <see cref="Ready"/>; then, one at a time, the tool sends
/// a request (the job and the <see cref="InputFile"/>, its bytes included for an archive entry) and the worker answers
/// <see cref="Ok"/> and the job's result, or <see cref="Failed"/>, a status and a reason, before it exits (out of memory).
/// End of input ends the worker. Strings go as their UTF-16 code units, so every value comes back unchanged.
/// </summary>
internal static class WorkerProtocol
{
    public const int Magic = 0x31575052; // "RPW1"
    public const byte Ready = (byte)'R';
    public const byte Ok = 0;
    public const byte Failed = 1;

    /// <summary>The largest frame accepted: a file's rows are bounded by the parser's limits, far below this.</summary>
    public const int MaxFrame = int.MaxValue - 64;

    /// <summary>
    /// The parser options a worker is started with. The OCR engine, an object, does not travel: a flag says whether the
    /// worker sets the tool's own engine (<see cref="ReportParser.Ocr.PaddleOcr.Shared"/>, the only one the tool knows).
    /// </summary>
    public static byte[] Handshake(ReportParserOptions options)
        => Frame(w =>
        {
            w.Write(Magic);
            WriteString(w, JsonSerializer.Serialize(options with { Rules = null, Ocr = null }));
            w.Write(options.Ocr is not null);
        });

    public static ReportParserOptions ReadHandshake(byte[] frame)
    {
        using var r = Reader(frame);
        if (r.ReadInt32() != Magic) throw new InvalidDataException("not a reportparser worker handshake");
        var options = JsonSerializer.Deserialize<ReportParserOptions>(ReadString(r) ?? "{}") ?? ReportParserOptions.Default;
        return r.ReadBoolean() ? options with { Ocr = ReportParser.Ocr.PaddleOcr.Shared } : options;
    }

    public static byte[] Request(WorkerJob job, InputFile item)
        => Frame(w =>
        {
            w.Write((byte)job);
            w.Write(item.Index);
            WriteString(w, item.File);
            WriteString(w, item.Source);
            WriteString(w, item.Path);
            w.Write(item.MaxBytes);
            w.Write(item.Bytes?.Length ?? -1);
            if (item.Bytes is { } b) w.Write(b);
        });

    public static (WorkerJob Job, InputFile Item) ReadRequest(byte[] frame)
    {
        using var r = Reader(frame);
        var job = (WorkerJob)r.ReadByte();
        long index = r.ReadInt64();
        var file = ReadString(r) ?? "";
        var source = ReadString(r) ?? "";
        var path = ReadString(r);
        long maxBytes = r.ReadInt64();
        int n = r.ReadInt32();
        var bytes = n < 0 ? null : r.ReadBytes(n);
        return (job, new InputFile(index, file, source) { Path = path, Bytes = bytes, MaxBytes = maxBytes });
    }

    /// <summary>A string as its UTF-16 code units (-1 for null), so every string, lone surrogates included, comes back unchanged.</summary>
    public static void WriteString(BinaryWriter w, string? s)
    {
        if (s is null)
        {
            w.Write(-1);
            return;
        }
        w.Write(s.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan()));
    }

    public static string? ReadString(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0) return null;
        var bytes = r.ReadBytes(checked(n * 2));
        if (bytes.Length != n * 2) throw new EndOfStreamException();
        return new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes));
    }

    /// <summary>A frame written by <paramref name="write"/>: its length first.</summary>
    public static byte[] Frame(Action<BinaryWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(0);
            write(w);
        }
        var frame = ms.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(frame, frame.Length - 4);
        return frame;
    }

    public static BinaryReader Reader(byte[] payload) => new(new MemoryStream(payload, writable: false), System.Text.Encoding.UTF8);

    /// <summary>Reads one frame's payload; null at the end of the stream (the other side has gone).</summary>
    /// <exception cref="InvalidDataException">The length is out of range or the stream ends inside a frame.</exception>
    public static async Task<byte[]?> ReadFrameAsync(Stream stream, CancellationToken cancel = default)
    {
        var header = new byte[4];
        int got = await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancel).ConfigureAwait(false);
        if (got == 0) return null;
        if (got < 4) throw new InvalidDataException("the stream ended inside a frame header");
        int length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxFrame) throw new InvalidDataException("a frame length is out of range");
        var payload = new byte[length];
        if (await stream.ReadAtLeastAsync(payload, length, throwOnEndOfStream: false, cancel).ConfigureAwait(false) < length)
            throw new InvalidDataException("the stream ended inside a frame");
        return payload;
    }

    /// <summary>Reads one frame's payload, blocking; null at the end of the stream.</summary>
    public static byte[]? ReadFrame(Stream stream)
    {
        var header = new byte[4];
        int got = stream.ReadAtLeast(header, 4, throwOnEndOfStream: false);
        if (got == 0) return null;
        if (got < 4) throw new InvalidDataException("the stream ended inside a frame header");
        int length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxFrame) throw new InvalidDataException("a frame length is out of range");
        var payload = new byte[length];
        if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) < length) throw new InvalidDataException("the stream ended inside a frame");
        return payload;
    }
}
