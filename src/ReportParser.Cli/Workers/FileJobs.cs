using ReportParser.Batch;
using ReportParser.Export;
using static ReportParser.Cli.Workers.WorkerProtocol;

namespace ReportParser.Cli.Workers;

/// <summary>What <c>check</c> needs of one file.</summary>
/// <param name="Status">What became of it.</param>
/// <param name="Reason">Why, or null for parsed.</param>
/// <param name="Diagnostics">Its diagnostics.</param>
/// <param name="ReadFailed">The file could not be read, timed out or crashed its worker (check then exits 2).</param>
internal sealed record CheckResult(ReportStatus Status, string? Reason, IReadOnlyList<Diagnostic> Diagnostics, bool ReadFailed);

/// <summary>What <c>parse</c> needs of one file.</summary>
/// <param name="Status">What became of it.</param>
/// <param name="Reason">Why, or null for parsed.</param>
/// <param name="Json">The report as indented JSON, or null when the file could not be read.</param>
internal sealed record JsonResult(ReportStatus Status, string? Reason, byte[]? Json);

/// <summary>The work on one file for each <see cref="WorkerJob"/>, done the same way in a worker and in the tool's own process, and the results' wire form.</summary>
internal static class FileJobs
{
    public static CheckResult Check(InputFile item, ReportParserOptions options, CancellationToken cancel)
    {
        try
        {
            var r = Report.Parse(ReportSource.FromBytes(item.ReadAllBytes(), item.File), options, cancel);
            return new CheckResult(r.Status, r.StatusReason, r.Diagnostics, false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new CheckResult(ReportStatus.Unreadable, $"cannot read: {ex.Message}", [], true);
        }
    }

    public static JsonResult Parse(InputFile item, ReportParserOptions options, CancellationToken cancel)
    {
        try
        {
            var r = Report.Parse(ReportSource.FromBytes(item.ReadAllBytes(), item.File), options, cancel);
            using var ms = new MemoryStream();
            ReportJson.Write(ms, r);
            return new JsonResult(r.Status, r.StatusReason, ms.ToArray());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new JsonResult(ReportStatus.Unreadable, $"cannot read: {ex.Message}", null);
        }
    }

    public static void Write(BinaryWriter w, CheckResult r)
    {
        w.Write((int)r.Status);
        WriteString(w, r.Reason);
        w.Write(r.ReadFailed);
        w.Write(r.Diagnostics.Count);
        foreach (var d in r.Diagnostics) Write(w, d);
    }

    public static CheckResult ReadCheck(BinaryReader r)
    {
        var status = (ReportStatus)r.ReadInt32();
        var reason = ReadString(r);
        bool failed = r.ReadBoolean();
        int n = r.ReadInt32();
        if (n < 0) throw new InvalidDataException("negative diagnostic count");
        var list = new List<Diagnostic>(Math.Min(n, 1 << 16));
        for (int i = 0; i < n; i++) list.Add(ReadDiagnostic(r));
        return new CheckResult(status, reason, list, failed);
    }

    public static void Write(BinaryWriter w, JsonResult r)
    {
        w.Write((int)r.Status);
        WriteString(w, r.Reason);
        w.Write(r.Json?.Length ?? -1);
        if (r.Json is { } json) w.Write(json);
    }

    public static JsonResult ReadJson(BinaryReader r)
    {
        var status = (ReportStatus)r.ReadInt32();
        var reason = ReadString(r);
        int n = r.ReadInt32();
        return new JsonResult(status, reason, n < 0 ? null : r.ReadBytes(n));
    }

    private static void Write(BinaryWriter w, Diagnostic d)
    {
        w.Write((int)d.Code);
        w.Write((int)d.Severity);
        var l = d.Location;
        w.Write(l.Line);
        w.Write(l.Column);
        WriteInt(w, l.Page);
        WriteInt(w, l.Table);
        WriteInt(w, l.GridRow);
        WriteInt(w, l.GridColumn);
        w.Write(l.Box.HasValue);
        if (l.Box is { } b)
        {
            w.Write(b.Left);
            w.Write(b.Bottom);
            w.Write(b.Right);
            w.Write(b.Top);
        }
        WriteString(w, d.Message);
        WriteString(w, d.Excerpt);
        WriteString(w, d.Rule);
    }

    private static Diagnostic ReadDiagnostic(BinaryReader r)
    {
        var code = (DiagnosticCode)r.ReadInt32();
        var severity = (Severity)r.ReadInt32();
        var location = new SourceLocation(r.ReadInt32(), r.ReadInt32()) { Page = ReadInt(r), Table = ReadInt(r), GridRow = ReadInt(r), GridColumn = ReadInt(r) };
        if (r.ReadBoolean()) location = location with { Box = new BoundingBox(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble()) };
        var message = ReadString(r) ?? "";
        return new Diagnostic(code, severity, location, message) { Excerpt = ReadString(r), Rule = ReadString(r) };
    }

    private static void WriteInt(BinaryWriter w, int? v) => w.Write(v ?? int.MinValue);

    private static int? ReadInt(BinaryReader r)
    {
        int v = r.ReadInt32();
        return v == int.MinValue ? null : v;
    }
}
