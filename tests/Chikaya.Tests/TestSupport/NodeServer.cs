using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chikaya.Tests.TestSupport;

/// <summary>
/// Real servers the tests talk to, written with npm packages in a folder of tests/ (smtp-sink, s3-server):
/// installed with <c>npm ci</c> on first use, started with <c>node server.js</c>, ready when they print "listening".
/// </summary>
public static class NodeServer
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly HashSet<string> Installed = [];

    public static string Folder(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "tests", name))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("tests/" + name), "tests", name);
    }

    public static async Task<Process> StartAsync(string name, params string[] arguments)
    {
        await EnsureInstalledAsync(name);
        var start = new ProcessStartInfo("node", ["server.js", .. arguments])
        {
            WorkingDirectory = Folder(name), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "listening") throw new InvalidOperationException($"{name}: {ready}{await process.StandardError.ReadToEndAsync()}");
        return process;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task EnsureInstalledAsync(string name)
    {
        await InstallLock.WaitAsync();
        try
        {
            var directory = Folder(name);
            if (Installed.Contains(name) || Directory.Exists(Path.Combine(directory, "node_modules"))) { Installed.Add(name); return; }
            var install = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            var errors = install.StandardError.ReadToEndAsync();
            await install.StandardOutput.ReadToEndAsync();
            await install.WaitForExitAsync();
            if (install.ExitCode != 0) throw new InvalidOperationException($"npm ci in tests/{name} failed: " + await errors);
            Installed.Add(name);
        }
        finally { InstallLock.Release(); }
    }
}
