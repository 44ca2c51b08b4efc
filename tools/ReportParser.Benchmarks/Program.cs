using BenchmarkDotNet.Running;

namespace ReportParser.Benchmarks;

/// <summary>
/// Benchmarks; not run in CI. <c>dotnet run -c Release --project tools/ReportParser.Benchmarks -- --filter '*' --job short</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
