using System.Diagnostics;
using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace ReportParser.Benchmarks;

/// <summary>
/// The CPU time (user + system, all threads of the benchmark process) per operation over the actual workload
/// iterations: on a machine loaded by other work, wall time says little, CPU time what the code costs.
/// </summary>
public sealed class CpuTimeDiagnoser : IDiagnoser
{
    private readonly Dictionary<BenchmarkCase, (TimeSpan Before, TimeSpan After)> _times = new();

    /// <inheritdoc />
    public IEnumerable<string> Ids => new[] { nameof(CpuTimeDiagnoser) };

    /// <inheritdoc />
    public IEnumerable<IExporter> Exporters => Array.Empty<IExporter>();

    /// <inheritdoc />
    public IEnumerable<IAnalyser> Analysers => Array.Empty<IAnalyser>();

    /// <inheritdoc />
    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    /// <inheritdoc />
    public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => true;

    /// <inheritdoc />
    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        if (signal is not (HostSignal.BeforeActualRun or HostSignal.AfterActualRun)) return;
        var process = parameters.Process;
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var (before, _) = _times.GetValueOrDefault(parameters.BenchmarkCase);
        _times[parameters.BenchmarkCase] = signal == HostSignal.BeforeActualRun ? (cpu, TimeSpan.Zero) : (before, cpu);
    }

    /// <inheritdoc />
    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        if (!_times.TryGetValue(results.BenchmarkCase, out var t) || t.After <= t.Before || results.TotalOperations <= 0) yield break;
        yield return new Metric(CpuTimeDescriptor.Instance, (t.After - t.Before).TotalNanoseconds / results.TotalOperations);
    }

    /// <inheritdoc />
    public void DisplayResults(ILogger logger)
    {
    }

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => Array.Empty<ValidationError>();

    private sealed class CpuTimeDescriptor : IMetricDescriptor
    {
        public static readonly CpuTimeDescriptor Instance = new();

        public string Id => "CpuTime";

        public string DisplayName => "CPU/op";

        public string Legend => "CPU time (user + system, all threads) per operation over the actual iterations";

        public string NumberFormat => "N3";

        public UnitType UnitType => UnitType.Time;

        public string Unit => "ns";

        public bool TheGreaterTheBetter => false;

        public int PriorityInCategory => 0;

        public bool GetIsAvailable(Metric metric) => true;
    }
}
