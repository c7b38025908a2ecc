using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chikaya.Bench;

/// <summary>
/// <c>load</c>: citizens filing through HTTP with N concurrent clients while others track complaints, against the real
/// server in its own process (or a running one at <c>url=</c>). Reports filings per second, latencies and the server's memory.
/// </summary>
public static class LoadBench
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var clients = int.Parse(options.GetValueOrDefault("clients", "50"), CultureInfo.InvariantCulture);
        var trackers = int.Parse(options.GetValueOrDefault("trackers", "4"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture);
        // each tracker looks a complaint up this many times a second (0: as fast as it can), to measure the wait a citizen
        // sees while others file; flat out, the trackers compete with the filings for the processors instead
        var trackRate = double.Parse(options.GetValueOrDefault("track-rate", "25"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup", "30"), CultureInfo.InvariantCulture);
        var database = options.GetValueOrDefault("database", "sqlite");
        // probe=/health/live: the same clients ask for a page instead of filing, to see what HTTP alone costs here
        var probe = options.GetValueOrDefault("probe");
        await using var server = options.TryGetValue("url", out var url) ? null : await BenchServer.StartAsync(database, options);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url ?? server!.Url), Timeout = TimeSpan.FromSeconds(30),
        };
        var themeId = (await http.GetFromJsonAsync<JsonElement>("/api/v1/themes")).EnumerateArray().First().GetProperty("id").GetInt32();

        var filed = new ConcurrentQueue<(string Number, string Code)>();
        var filingTimes = new ConcurrentBag<double>();
        var trackingTimes = new ConcurrentBag<double>();
        var failures = 0;
        var measuring = false;
        using var stop = new CancellationTokenSource();

        async Task FileLoopAsync(int client)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    if (probe is not null)
                    {
                        using var answer = await http.GetAsync(probe);
                        await answer.Content.ReadAsByteArrayAsync();
                        if (measuring) filingTimes.Add(watch.Elapsed.TotalMilliseconds);
                        continue;
                    }
                    // as a browser's or an app's fetch sends it: the whole body, with its length
                    using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new
                    {
                        themeId, territoryCode = "A-ANFA", subject = $"Charge {client}-{i}",
                        description = "Les conteneurs débordent depuis une semaine.", contactEmail = "charge@example.ma",
                    }));
                    body.Headers.ContentType = Json;
                    using var response = await http.PostAsync("/api/v1/complaints", body);
                    if (!response.IsSuccessStatusCode) { Interlocked.Increment(ref failures); continue; }
                    var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (measuring) filingTimes.Add(watch.Elapsed.TotalMilliseconds);
                    if (filed.Count < 10_000)
                        filed.Enqueue((receipt.GetProperty("trackingNumber").GetString()!, receipt.GetProperty("secretCode").GetString()!));
                }
                catch (HttpRequestException) { Interlocked.Increment(ref failures); }
            }
        }

        // each tracker is a citizen of its own: its own connection, and its own thread that waits on the socket, so that what
        // it measures is the server's answer and not its turn among the load tool's fifty filing loops
        void TrackLoop()
        {
            using var own = new HttpClient(new SocketsHttpHandler()) { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var period = trackRate > 0 ? (long)(Stopwatch.Frequency / trackRate) : 0;
            var next = Stopwatch.GetTimestamp();
            while (!stop.IsCancellationRequested)
            {
                if (period > 0)
                {
                    next += period;
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (wait > TimeSpan.Zero) Thread.Sleep(wait);
                }
                if (!filed.TryDequeue(out var complaint)) { Thread.Sleep(10); continue; }
                filed.Enqueue(complaint);
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{complaint.Number}");
                request.Headers.Add("X-Secret-Code", complaint.Code);
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = own.Send(request);
                    response.Content.ReadAsStream().CopyTo(Stream.Null);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                    else if (measuring) trackingTimes.Add(watch.Elapsed.TotalMilliseconds);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref failures); }
            }
        }

        // other programs on the machine weigh on the result: say how busy it was
        var loadBefore = File.ReadAllText("/proc/loadavg")[..14];
        var work = Enumerable.Range(0, clients).Select(c => Task.Run(() => FileLoopAsync(c))).ToList();
        var trackerThreads = Enumerable.Range(0, trackers).Select(_ => new Thread(TrackLoop) { IsBackground = true, Name = "tracker" }).ToList();
        trackerThreads.ForEach(t => t.Start());
        await Task.Delay(TimeSpan.FromSeconds(warmup)); // warm-up: JIT, pools, caches
        measuring = true;
        var cpuBefore = server?.CpuTime() ?? TimeSpan.Zero;
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        measuring = false;
        var elapsed = clock.Elapsed.TotalSeconds;
        var memory = server?.Memory() ?? "n/a";
        var cpu = (server?.CpuTime() ?? TimeSpan.Zero) - cpuBefore;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore;
        stop.Cancel();
        await Task.WhenAll(work);
        trackerThreads.ForEach(t => t.Join());

        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores (server and load on the same machine), {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine($"{clients} clients filing as JSON, {trackers} tracking ({(trackRate > 0 ? $"{trackRate:0.#} a second each" : "as fast as they can")}), {seconds} s measured after {warmup} s of warm-up; {failures} failures; " +
            $"load average before and after: {loadBefore} / {File.ReadAllText("/proc/loadavg")[..14]}");
        if (server is not null)
            Console.WriteLine($"Server CPU: {cpu.TotalSeconds / elapsed:0.00} cores busy on average, " +
                $"{cpu.TotalMilliseconds / Math.Max(1, filingTimes.Count + trackingTimes.Count):0.00} ms per request (filing or tracking)");
        Console.WriteLine($"Load tool CPU: {ownCpu.TotalSeconds / elapsed:0.00} cores busy on average, " +
            $"{ownCpu.TotalMilliseconds / Math.Max(1, filingTimes.Count + trackingTimes.Count):0.00} ms per request");
        var (rate, latency) = probe is null ? ("filings/s", "filing p50 / p99") : ($"GET {probe}/s", $"GET {probe} p50 / p99");
        Console.WriteLine($"| database | {rate} | {latency} | tracking/s | tracking p50 / p99 | server memory (now / peak) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        Console.WriteLine($"| {database} | {filingTimes.Count / elapsed:N0} | {Percentile(filingTimes, 0.50):0.0} / {Percentile(filingTimes, 0.99):0.0} ms | " +
            $"{trackingTimes.Count / elapsed:N0} | {Percentile(trackingTimes, 0.50):0.0} / {Percentile(trackingTimes, 0.99):0.0} ms | {memory} |");
    }

    private static double Percentile(IEnumerable<double> values, double rank)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * rank) - 1)];
    }
}
