using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ReportParser.Tests.Reporting;

/// <summary>
/// report.html of the fixture batch in a real browser (headless Chromium over the DevTools protocol), loaded from disk with
/// no server: no console error, no failed request, no request leaving file://, the script's counts in the DOM; screenshots
/// of the overview and of one report's detail are written under the test's output folder.
/// </summary>
public class QualityPageBrowserTests(QualityBatch batch, ITestOutputHelper output) : IClassFixture<QualityBatch>
{
    [SkippableFact]
    public async Task The_page_loads_offline_without_errors_and_shows_the_counts()
    {
        var chromium = DevToolsClient.Find();
        Skip.If(chromium is null, "needs Chromium (Debian package chromium; .ci/run installs it): the page is checked in a real browser");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var cancel = timeout.Token;
        await using var browser = await DevToolsClient.StartAsync(chromium!, cancel);
        foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" }) await browser.SendAsync(domain + ".enable", null, cancel);
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1366, ["height"] = 2000, ["deviceScaleFactor"] = 1, ["mobile"] = false }, cancel);
        var url = new Uri(batch.PagePath).AbsoluteUri;
        await browser.SendAsync("Page.navigate", new JsonObject { ["url"] = url }, cancel);
        await browser.WaitForAsync("Page.loadEventFired", cancel);

        int files = batch.Files.Count - 1;
        (await browser.EvaluateAsync("document.getElementById('shown').textContent", cancel))!.GetValue<string>().Should().Be(files.ToString("N0", CultureInfo.InvariantCulture),
            "the inline script ran and counted the rows");
        (await browser.EvaluateAsync("document.querySelectorAll('#files tbody tr').length", cancel))!.GetValue<int>().Should().Be(files);
        (await browser.EvaluateAsync("document.querySelector('#card-diagnostics .n').textContent", cancel))!.GetValue<string>().Should().Be((batch.Diagnostics.Count - 1).ToString("N0", CultureInfo.InvariantCulture));
        (await browser.EvaluateAsync("document.querySelectorAll('svg.chart rect.bar').length > 0", cancel))!.GetValue<bool>().Should().BeTrue();
        (await browser.EvaluateAsync("getComputedStyle(document.querySelector('section.detail')).display", cancel))!.GetValue<string>().Should().Be("none", "a detail shows when its row is followed");

        var shots = Path.Combine(AppContext.BaseDirectory, "artifacts", "quality-report");
        Directory.CreateDirectory(shots);
        await browser.ScreenshotAsync(Path.Combine(shots, "overview.png"), cancel);

        // Filtering and sorting, as a reader uses them.
        int jiangchuan = batch.Files.Skip(1).Count(f => f[0].Contains("jiangchuan", StringComparison.Ordinal));
        (await browser.EvaluateAsync("var q=document.getElementById('q');q.value='jiangchuan';q.dispatchEvent(new Event('input'));document.getElementById('shown').textContent", cancel))!
            .GetValue<string>().Should().Be(jiangchuan.ToString(CultureInfo.InvariantCulture));
        (await browser.EvaluateAsync("q.value='';q.dispatchEvent(new Event('input'));var th=document.querySelectorAll('#files thead th')[8];th.click();th.click();" +
            "document.querySelector('#files tbody tr').cells[8].textContent", cancel))!.GetValue<string>()
            .Should().Be(batch.Files.Skip(1).Max(f => int.Parse(QualityBatch.Get(batch.Files, f, "warnings"), CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture), "sorted by warnings, most first");

        // The detail of the report that breaks every rule, reached as its row's link reaches it.
        var id = batch.Detail("/jiangchuan-nr-2023-broken-rules.txt").Id;
        await browser.EvaluateAsync($"location.hash='#{id}';new Promise(r=>setTimeout(r,300))", cancel);
        (await browser.EvaluateAsync($"getComputedStyle(document.getElementById('{id}')).display", cancel))!.GetValue<string>().Should().Be("block");
        (await browser.EvaluateAsync("getComputedStyle(document.getElementById('overview')).display", cancel))!.GetValue<string>().Should().Be("none", "the detail has the screen to itself");
        (await browser.EvaluateAsync($"document.querySelectorAll('#{id} td.brk').length", cancel))!.GetValue<int>().Should().Be(9, "the total side of the 7 broken equations (（七）总计 总计 is in two) and the negative value");
        (await browser.EvaluateAsync($"getComputedStyle(document.querySelector('#{id} td.brk')).backgroundColor", cancel))!.GetValue<string>().Should().NotBe("rgba(0, 0, 0, 0)", "a flagged cell is highlighted");
        await browser.EvaluateAsync("window.scrollTo(0,0)", cancel);
        await browser.ScreenshotAsync(Path.Combine(shots, "detail.png"), cancel);
        output.WriteLine($"screenshots: {shots}");
        Console.WriteLine($"quality report screenshots: {shots}");

        var events = browser.Events.ToList();
        events.Where(e => e.Method == "Runtime.exceptionThrown").Should().BeEmpty("the page's script throws nothing");
        events.Where(e => e.Method == "Runtime.consoleAPICalled" && e.Params?["type"]?.GetValue<string>() is "error" or "warning").Should().BeEmpty();
        events.Where(e => e.Method == "Log.entryAdded" && e.Params?["entry"]?["level"]?.GetValue<string>() == "error").Select(e => e.Params!.ToJsonString()).Should().BeEmpty();
        events.Where(e => e.Method == "Network.loadingFailed").Select(e => e.Params!.ToJsonString()).Should().BeEmpty("no request fails");
        var requests = events.Where(e => e.Method == "Network.requestWillBeSent").Select(e => e.Params!["request"]!["url"]!.GetValue<string>()).ToList();
        requests.Should().NotBeEmpty().And.OnlyContain(u => u.StartsWith(url, StringComparison.Ordinal), "the page loads nothing but itself");
    }
}
