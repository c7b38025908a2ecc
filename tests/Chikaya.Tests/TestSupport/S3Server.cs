using System.Diagnostics;
using System.Globalization;

namespace Chikaya.Tests.TestSupport;

/// <summary>A real S3-compatible server on loopback (npm's s3rver, in tests/s3-server) with one bucket.</summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string Bucket = "chikaya-attachments";
    private Process? _process;

    public int Port { get; } = NodeServer.FreePort();
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "chikaya-s3", Guid.NewGuid().ToString("N"));

    /// <summary>The settings that point the app at this server; s3rver's fixed keys are S3RVER/S3RVER.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Chikaya:Storage:Provider"] = "S3",
        ["Chikaya:Storage:Bucket"] = Bucket,
        ["Chikaya:Storage:ServiceUrl"] = $"http://127.0.0.1:{Port}",
        ["Chikaya:Storage:ForcePathStyle"] = "true",
        ["Chikaya:Storage:AccessKey"] = "S3RVER",
        ["Chikaya:Storage:SecretKey"] = "S3RVER",
    };

    public async Task StartAsync() =>
        _process = await NodeServer.StartAsync("s3-server", Port.ToString(CultureInfo.InvariantCulture), Folder, Bucket);

    /// <summary>The objects the server holds, by key.</summary>
    public IReadOnlyList<string> Keys()
    {
        var bucket = Path.Combine(Folder, Bucket);
        return Directory.Exists(bucket)
            ? Directory.GetFiles(bucket, "*", SearchOption.AllDirectories).Where(f => f.EndsWith("._S3rver_object", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(bucket, f)[..^"._S3rver_object".Length]).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
