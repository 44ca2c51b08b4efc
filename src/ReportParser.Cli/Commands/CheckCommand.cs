using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportParser.Batch;
using ReportParser.Cli.Output;
using ReportParser.Cli.Workers;

namespace ReportParser.Cli.Commands;

/// <summary>
/// <c>check</c>: every input's diagnostics at or above <c>--min-severity</c>, then a summary (files by status, diagnostics
/// by code and severity). Text: one line per diagnostic on standard output, files that cannot be read and the summary on
/// standard error, so a clean file prints nothing and the output stays a list of findings on thousands of files.
/// JSON: one object per line on standard output (JSON Lines): a <c>diagnostic</c> object per finding, a <c>file</c>
/// object per input, and a closing <c>summary</c> object.
/// </summary>
internal static class CheckCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var inputs = InputsArgument.Create();
        var minSeverity = new Option<Severity?>("--min-severity")
        {
            Description = "Print only diagnostics of this severity or worse: info, warning (default) or error. The summary counts every diagnostic. Example: --min-severity error",
            HelpName = "info|warning|error",
            CustomParser = r => ParseSeverity(r),
        };
        var format = new Option<string>("--format")
        {
            Description = "text (default): 'file: location: severity code [rule]: message' lines, summary on standard error; json: one JSON object per line " +
                          "(type diagnostic, file, then summary) on standard output. Example: --format json",
            HelpName = "text|json",
            DefaultValueFactory = _ => "text",
        };
        var parser = new ParserOptionSet();
        var isolation = new IsolationOptionSet();
        var command = new Command("check", "Parse reports and print their diagnostics, one line each (file, location, severity, code, rule, message), then a summary " +
            "of files by status and diagnostics by code and severity. Parses in worker processes, as export does. Exit code 0 when no document has an error, " +
            "1 when any has, 2 when an input cannot be read, timed out or crashed, or on a usage error, 3 when the run did not finish. " +
            "Example: reportparser check reports/ archive.zip --min-severity error");
        command.Arguments.Add(inputs);
        command.Options.Add(minSeverity);
        command.Options.Add(format);
        isolation.AddTo(command);
        parser.AddTo(command);
        command.SetAction(async (pr, cancel) =>
        {
            var (options, error) = parser.Read(pr);
            if (options is null) return context.Usage("check", error!);
            var (iso, isoError) = isolation.Read(pr);
            if (iso is null) return context.Usage("check", isoError!);
            var f = pr.GetValue(format)!.ToLowerInvariant();
            if (f is not ("text" or "json")) return context.Usage("check", $"--format must be text or json; got '{pr.GetValue(format)}'");
            await using var runner = new DocumentRunner(iso.Jobs, iso.TimeLimit, options, iso.CreatePool(options));
            return await RunAsync(context, pr.GetValue(inputs)!, pr.GetValue(minSeverity) ?? Severity.Warning, f == "json", options, runner, cancel).ConfigureAwait(false);
        });
        return command;
    }

    private static Severity? ParseSeverity(System.CommandLine.Parsing.ArgumentResult r)
    {
        var t = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        switch (t.ToLowerInvariant())
        {
            case "info": return Severity.Info;
            case "warning": return Severity.Warning;
            case "error": return Severity.Error;
            default:
                r.AddError($"--min-severity must be info, warning or error; got '{t}'");
                return null;
        }
    }

    /// <summary>The rank of a severity, worst highest, whatever the enum's numbering.</summary>
    private static int Rank(Severity s) => s switch { Severity.Error => 2, Severity.Warning => 1, _ => 0 };

    private static async Task<int> RunAsync(CliContext context, string[] inputs, Severity min, bool json, ReportParserOptions options, DocumentRunner runner,
        CancellationToken cancel)
    {
        var byStatus = Enum.GetValues<ReportStatus>().ToDictionary(s => s, _ => 0L);
        var byCode = new Dictionary<(string Code, Severity Severity), long>();
        long files = 0, shown = 0;
        bool anyError = false, ioFailed = false, cancelled = false;
        string? failure = null;
        using var jsonOut = json ? new Utf8JsonWriter(new TextWriterStream(context.Output), JsonOptions) : null;

        void ListFile(InputFile item, ReportStatus status, string? reason, IReadOnlyList<Diagnostic> diagnostics)
        {
            files++;
            byStatus[status]++;
            if (jsonOut is null)
            {
                if (reason is not null && diagnostics.Count == 0) context.Error.WriteLine($"{item.File}: {status.ToText()}: {reason}");
                return;
            }
            jsonOut.WriteStartObject();
            jsonOut.WriteString("type", "file");
            jsonOut.WriteString("file", item.File);
            jsonOut.WriteString("status", status.ToText());
            jsonOut.WriteString("reason", reason);
            jsonOut.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
            jsonOut.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
            jsonOut.WriteNumber("infos", diagnostics.Count(d => d.Severity == Severity.Info));
            jsonOut.WriteEndObject();
            EndLine(jsonOut, context.Output);
        }

        try
        {
            var items = new InputEnumerator(inputs, maxEntryBytes: options.MaxInputBytes).Enumerate(cancel);
            await foreach (var (item, r) in runner.RunAllAsync(items, runner.CheckAsync, cancel).ConfigureAwait(false))
            {
                if (r is null)
                {
                    ioFailed |= item.Status == ReportStatus.Unreadable;
                    ListFile(item, item.Status!.Value, item.Reason, []);
                    continue;
                }
                ioFailed |= r.ReadFailed;
                foreach (var d in r.Diagnostics)
                {
                    var key = (d.CodeText, d.Severity);
                    byCode[key] = byCode.GetValueOrDefault(key) + 1;
                    if (Rank(d.Severity) < Rank(min)) continue;
                    shown++;
                    if (jsonOut is null) context.Output.WriteLine(DiagnosticFormatter.Format(item.File, d));
                    else WriteDiagnostic(jsonOut, context.Output, item.File, d);
                }
                ListFile(item, r.Status, r.Reason, r.Diagnostics);
                anyError |= r.Diagnostics.Any(d => d.Severity == Severity.Error);
            }
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        catch (WorkerPoolException ex)
        {
            cancelled = true;
            failure = $"check: {ex.Message}; the run did not finish (--no-isolation parses in this process instead)";
        }

        if (jsonOut is null) WriteSummary(context.Error, files, byStatus, byCode, shown, min, cancelled);
        else WriteSummary(jsonOut, context.Output, files, byStatus, byCode, shown, min, cancelled);
        if (cancelled) context.Error.WriteLine(failure ?? "check: cancelled");
        return cancelled ? ExitCodes.NotFinished : ioFailed ? ExitCodes.UsageOrIo : anyError ? ExitCodes.DocumentErrors : ExitCodes.Ok;
    }

    private static IEnumerable<KeyValuePair<(string Code, Severity Severity), long>> Ordered(Dictionary<(string Code, Severity Severity), long> byCode)
        => byCode.OrderByDescending(kv => Rank(kv.Key.Severity)).ThenByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Code, StringComparer.Ordinal);

    private static void WriteSummary(TextWriter w, long files, Dictionary<ReportStatus, long> byStatus, Dictionary<(string Code, Severity Severity), long> byCode,
        long shown, Severity min, bool cancelled)
    {
        var inv = CultureInfo.InvariantCulture;
        long total = byCode.Values.Sum();
        w.WriteLine(string.Create(inv, $"checked {files:N0} file(s){(cancelled ? " before being cancelled" : "")}: ") +
            string.Join(", ", byStatus.Where(kv => kv.Value > 0 || kv.Key < ReportStatus.Timeout).Select(kv => string.Create(inv, $"{kv.Value:N0} {kv.Key.ToText()}"))));
        w.WriteLine(string.Create(inv, $"diagnostics: {total:N0} ({shown:N0} shown at --min-severity {SeverityWord(min)})"));
        foreach (var ((code, severity), n) in Ordered(byCode))
        {
            w.WriteLine(string.Create(inv, $"  {code,-8} {SeverityWord(severity),-8} {n,8:N0}  {Summary.Describe(code)}"));
        }
    }

    private static void WriteSummary(Utf8JsonWriter j, TextWriter output, long files, Dictionary<ReportStatus, long> byStatus,
        Dictionary<(string Code, Severity Severity), long> byCode, long shown, Severity min, bool cancelled)
    {
        j.WriteStartObject();
        j.WriteString("type", "summary");
        j.WriteNumber("files", files);
        j.WriteBoolean("cancelled", cancelled);
        j.WriteStartObject("status");
        foreach (var (s, n) in byStatus) j.WriteNumber(s.ToText(), n);
        j.WriteEndObject();
        j.WriteNumber("diagnostics", byCode.Values.Sum());
        j.WriteNumber("shown", shown);
        j.WriteString("minSeverity", SeverityWord(min));
        j.WriteStartArray("codes");
        foreach (var ((code, severity), n) in Ordered(byCode))
        {
            j.WriteStartObject();
            j.WriteString("code", code);
            j.WriteString("severity", SeverityWord(severity));
            j.WriteNumber("count", n);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteEndObject();
        EndLine(j, output);
    }

    private static void WriteDiagnostic(Utf8JsonWriter j, TextWriter output, string file, Diagnostic d)
    {
        j.WriteStartObject();
        j.WriteString("type", "diagnostic");
        j.WriteString("file", file);
        j.WriteString("code", d.CodeText);
        j.WriteString("severity", d.SeverityText);
        if (d.Rule is not null) j.WriteString("rule", d.Rule);
        if (d.Location.Page is int p) j.WriteNumber("page", p);
        if (d.Location.Line > 0)
        {
            j.WriteNumber("line", d.Location.Line);
            j.WriteNumber("column", d.Location.Column);
        }
        j.WriteString("location", d.Location.IsUnknown ? null : d.Location.ToString());
        j.WriteString("message", d.Message);
        if (d.Excerpt is not null) j.WriteString("excerpt", d.Excerpt);
        j.WriteEndObject();
        EndLine(j, output);
    }

    private static string SeverityWord(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    private static void EndLine(Utf8JsonWriter j, TextWriter output)
    {
        j.Flush();
        j.Reset();
        output.Write('\n');
    }

    /// <summary>A write-only stream over a text writer, so the JSON writer's UTF-8 reaches the console or a test's string writer.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly System.Text.Decoder _decoder = System.Text.Encoding.UTF8.GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
            int n = _decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, n);
        }
    }
}
