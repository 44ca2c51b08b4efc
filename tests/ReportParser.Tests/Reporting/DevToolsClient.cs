using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReportParser.Tests.Reporting;

/// <summary>
/// A headless Chromium driven over the DevTools protocol (a WebSocket on the loopback address): enough to load a page, read
/// its console, its failed requests and its DOM, and take screenshots. The browser runs with a private profile and is killed
/// (by its process id) when disposed.
/// </summary>
internal sealed class DevToolsClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _profile;
    private Task? _reader;
    private int _next;
    private string _session = "";

    /// <summary>Every event received, in order (method and params).</summary>
    public ConcurrentQueue<(string Method, JsonNode? Params)> Events { get; } = new();

    /// <summary>The Chromium executable: Debian's /usr/bin/chromium, else chromium or chromium-browser on the PATH; null when there is none.</summary>
    public static string? Find()
    {
        if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var p = Path.Combine(dir, name);
                if (File.Exists(p)) return p;
            }
        }
        return null;
    }

    private DevToolsClient(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<DevToolsClient> StartAsync(string executable, CancellationToken cancel)
    {
        var profile = Directory.CreateTempSubdirectory("rp-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update", "--hide-scrollbars",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var client = new DevToolsClient(process, profile);
        try
        {
            var url = await ListeningUrlAsync(process, cancel);
            await client._socket.ConnectAsync(new Uri(url), cancel);
            client._reader = Task.Run(client.ReadLoopAsync, CancellationToken.None);
            var target = await client.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, cancel, browser: true);
            var attached = await client.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, cancel, browser: true);
            client._session = attached["sessionId"]!.GetValue<string>();
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>The browser's DevTools address, from the line Chromium prints on standard error.</summary>
    private static async Task<string> ListeningUrlAsync(Process process, CancellationToken cancel)
    {
        _ = process.StandardOutput.ReadToEndAsync(cancel);
        while (await process.StandardError.ReadLineAsync(cancel) is { } line)
        {
            const string marker = "DevTools listening on ";
            int at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                _ = process.StandardError.ReadToEndAsync(cancel);
                return line[(at + marker.Length)..].Trim();
            }
        }
        throw new InvalidOperationException("chromium exited without a DevTools address");
    }

    public async Task<JsonNode> SendAsync(string method, JsonObject? parameters, CancellationToken cancel, bool browser = false)
    {
        int id = Interlocked.Increment(ref _next);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browser) message["sessionId"] = _session;
        var done = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancel);
        var reply = await done.Task.WaitAsync(TimeSpan.FromSeconds(30), cancel);
        if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return reply["result"] ?? new JsonObject();
    }

    /// <summary>Waits for an event of the page's session.</summary>
    public async Task WaitForAsync(string method, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Events.Any(e => e.Method == method))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no {method} within 30 s");
            await Task.Delay(50, cancel);
        }
    }

    /// <summary>Evaluates an expression in the page and returns its value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancel)
    {
        var r = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancel);
        if (r["exceptionDetails"] is { } ex) throw new InvalidOperationException($"the page threw: {ex.ToJsonString()}");
        return r["result"]?["value"];
    }

    public async Task ScreenshotAsync(string path, CancellationToken cancel)
    {
        var r = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancel);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(r["data"]!.GetValue<string>()), cancel);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray());
                message.SetLength(0);
                if (node?["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var done)) done.TrySetResult(node);
                else if (node?["method"] is { } m) Events.Enqueue((m.GetValue<string>(), node["params"]));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException)
        {
        }
        foreach (var p in _pending.Values) p.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }
        if (_reader is not null) await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
