using System.Collections.Concurrent;

namespace ReportParser.Tests.Ocr;

/// <summary>The scanned pages of one PDF are read by the engine up to its <see cref="IPageOcr.MaxParallelPages"/> at once, with the same result.</summary>
public class ParallelPagesTests
{
    private static string Scan => Path.Combine(OcrEngine.ScanDir, "qingshan-transport-2021-scan200.pdf");

    /// <summary>An engine that reads nothing and records how many calls were in flight at once; the first two calls wait for each other.</summary>
    private sealed class CountingEngine(int parallel) : IPageOcr, IDisposable
    {
        private readonly CountdownEvent _firstTwo = new(2);
        private int _inFlight;

        public int MaxInFlight;

        public ConcurrentBag<int> Pages { get; } = new();

        public bool PairMet { get; private set; }

        public string? Unavailable => null;

        public int MaxParallelPages => parallel;

        public OcrPage Recognize(OcrImage image, CancellationToken cancellation)
        {
            int now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref MaxInFlight, now);
            Pages.Add(image.Page);
            if (parallel > 1 && !_firstTwo.IsSet)
            {
                _firstTwo.Signal();
                // Both of the first two pages must be in flight together; a sequential reader would time out here.
                if (_firstTwo.Wait(TimeSpan.FromSeconds(20), cancellation)) PairMet = true;
            }
            Interlocked.Decrement(ref _inFlight);
            return new OcrPage(1000, 1400, Array.Empty<OcrWord>(), Array.Empty<OcrRuling>());
        }

        public void Dispose() => _firstTwo.Dispose();

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_scanned_page_is_read_once_and_never_more_at_once_than_the_engine_allows(int parallel)
    {
        using var engine = new CountingEngine(parallel);
        var result = Report.ParseFile(Scan, ReportParserOptions.Default with { Ocr = engine, TimeBudget = TimeSpan.FromMinutes(2) });
        engine.Pages.Order().Should().Equal(1, 2, 3);
        engine.MaxInFlight.Should().Be(parallel);
        if (parallel == 2) engine.PairMet.Should().BeTrue();
        result.Diagnostics.Where(d => d.Code == DiagnosticCode.ReadByOcr).Select(d => d.Location.Page).Should().Equal(1, 2, 3);
    }

    [SkippableFact]
    public void Pages_read_in_parallel_give_the_same_report_as_pages_read_one_after_another()
    {
        OcrEngine.RequireModels();
        var one = Report.ParseFile(Scan, OcrEngine.Options);
        var two = Report.ParseFile(Scan, OcrEngine.Options with { Ocr = OcrEngine.Engine.WithParallelPages(2) });
        static IEnumerable<string> Cells(ReportParseResult r) => r.Report.Tables.SelectMany(t => t.Cells).Select(c => $"{c.Key}={c.Value} {c.Reading} {c.Confidence}");
        Cells(one).Should().NotBeEmpty();
        Cells(two).Should().Equal(Cells(one));
        two.Diagnostics.Select(d => d.ToString()).Should().Equal(one.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Parallel_pages_must_be_at_least_one()
    {
        var act = () => ReportParser.Ocr.PaddleOcr.Shared.WithParallelPages(0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
