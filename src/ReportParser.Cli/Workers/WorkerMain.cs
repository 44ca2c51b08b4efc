using System.CommandLine;
using System.Globalization;
using ReportParser.Batch;
using ReportParser.Cli.Commands;
using static ReportParser.Cli.Workers.WorkerProtocol;

namespace ReportParser.Cli.Workers;

/// <summary>
/// The hidden <c>__worker</c> verb: a worker process of <see cref="WorkerPool"/>. It speaks <see cref="WorkerProtocol"/>
/// on its standard input and output (anything else the process would print goes to standard error), parses one file
/// per request, and exits at the end of its input, or after reporting an out-of-memory parse (its heap is then suspect).
/// </summary>
internal static class WorkerMain
{
    public const string Verb = "__worker";

    public static Command Create()
    {
        var command = new Command(Verb, "Internal: a worker process of parse, check and export; not for direct use.") { Hidden = true };
        command.SetAction(_ => Console.IsInputRedirected ? Run(Console.OpenStandardInput(), Console.OpenStandardOutput()) : ExitCodes.UsageOrIo);
        return command;
    }

    /// <summary>Serves requests until the end of <paramref name="input"/>; returns the process exit code.</summary>
    internal static int Run(Stream input, Stream output)
    {
        Console.SetOut(Console.Error);
        // Ctrl+C reaches the whole process group: the tool decides what becomes of its workers (it closes or kills them).
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => c.Cancel = true);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => c.Cancel = true);
        var handshake = ReadFrame(input);
        if (handshake is null) return ExitCodes.Ok;
        var parserOptions = ReadHandshake(handshake);
        var exportOptions = new ExportOptions { Inputs = [], OutputDirectory = ".", ParserOptions = parserOptions };
        WarmUp(parserOptions);
        Send(output, Frame(w => w.Write(Ready)));
        while (ReadFrame(input) is { } request)
        {
            var (job, item) = ReadRequest(request);
            byte[] reply;
            try
            {
                reply = Frame(w =>
                {
                    w.Write(Ok);
                    Serve(w, job, item, exportOptions);
                });
            }
            catch (OutOfMemoryException)
            {
                GC.Collect();
                Send(output, Frame(w =>
                {
                    w.Write(Failed);
                    w.Write((int)ReportStatus.Crashed);
                    WriteString(w, OutOfMemoryReason(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));
                }));
                return 3;
            }
            Send(output, reply);
        }
        return ExitCodes.Ok;
    }

    /// <summary>Parses a small report once before answering the handshake, so the first file's time limit is not spent compiling the parser.</summary>
    private static void WarmUp(ReportParserOptions options)
    {
        const string text = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实《条例》。\n二、主动公开政府信息情况\n" +
                            "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n";
        _ = Report.ParseText(text, "warm-up.txt", options);
    }

    internal static string OutOfMemoryReason(long heapLimit)
        => string.Create(CultureInfo.InvariantCulture, $"out of memory: the worker's heap limit is {heapLimit / (1024 * 1024):N0} MiB (--max-memory)");

    private static void Serve(BinaryWriter w, WorkerJob job, InputFile item, ExportOptions options)
    {
        switch (job)
        {
            case WorkerJob.Export:
                w.Flush();
                ParsedFile.Parse(item, options).WriteTo(w.BaseStream);
                break;
            case WorkerJob.ExportBlankAsZero:
                w.Flush();
                ParsedFile.Parse(item, options with { BlankAsZero = true }).WriteTo(w.BaseStream);
                break;
            case WorkerJob.Check:
                FileJobs.Write(w, FileJobs.Check(item, options.ParserOptions, CancellationToken.None));
                break;
            case WorkerJob.Parse:
                FileJobs.Write(w, FileJobs.Parse(item, options.ParserOptions, CancellationToken.None));
                break;
            default:
                throw new InvalidDataException("unknown worker job");
        }
    }

    private static void Send(Stream output, byte[] frame)
    {
        output.Write(frame);
        output.Flush();
    }
}
