using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Chikaya.Tests.TestSupport;

/// <summary>An HTTP endpoint on loopback that records what is posted to it: a provider's API (SMS) as the tests see it.</summary>
public sealed class HttpInbox : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public HttpInbox()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/sms/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public string Url { get; }
    public ConcurrentQueue<(string Authorization, string Body)> Received { get; } = new();

    /// <summary>Every request with its headers, for checking signatures.</summary>
    public ConcurrentQueue<(System.Collections.Specialized.NameValueCollection Headers, string Body, int Answered)> Requests { get; } = new();

    /// <summary>How many of the next requests get a 503, as a partner's server that is down for a while.</summary>
    public int FailNext { get; set; }

    private async Task ListenAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var status = FailNext > 0 ? 503 : 202;
            if (status == 503) FailNext--;
            else Received.Enqueue((context.Request.Headers["Authorization"] ?? "", body));
            Requests.Enqueue((context.Request.Headers, body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
