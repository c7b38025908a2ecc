using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chikaya.Tests.Features;

public sealed class TelemetryTests(ChikayaApp app)
{
    [Fact]
    public void Without_a_collector_nothing_is_exported()
    {
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_a_collector_the_app_starts_sends_traces_and_metrics_and_counts_complaints_per_channel()
    {
        using var collector = new OtlpCollector();
        await using var traced = new ChikayaApp
        {
            Settings = new()
            {
                [TelemetrySetup.EndpointKey] = collector.Address,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            },
        };
        await traced.InitializeAsync();
        var filed = new ConcurrentBag<(long Value, string? Channel)>();
        using var listener = new MeterListener();
        var meters = traced.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "chikaya.complaints.filed") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            filed.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "channel").Value as string)));
        listener.Start();

        await traced.FileAsync();
        await traced.FileAsync(subject: "Éclairage public en panne");
        Assert.True(traced.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(traced.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        Assert.Equal([(1L, "Web"), (1L, "Web")], filed.ToList());
        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);
    }

    /// <summary>Stands for an OpenTelemetry collector: accepts OTLP over HTTP and remembers where it was sent.</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();

        public OtlpCollector()
        {
            Address = $"http://127.0.0.1:{NodeServer.FreePort()}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        Paths.Add(context.Request.Url!.AbsolutePath);
                        await context.Request.InputStream.CopyToAsync(Stream.Null);
                        context.Response.StatusCode = 200;
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                }
            });
        }

        public string Address { get; }
        public ConcurrentBag<string> Paths { get; } = [];

        public void Dispose() => _listener.Close();
    }
}
