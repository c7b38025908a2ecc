using System.Diagnostics;
using System.Net;
using Chikaya.Tests.TestSupport;
using Npgsql;

namespace Chikaya.Tests.Features;

/// <summary>The README's backup and restore commands, taken while the platform runs, for each database.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_the_platform_runs_restores_every_complaint()
    {
        await using var source = new ChikayaApp();
        await source.InitializeAsync();
        var filed = new[] { await source.FileAsync(), await source.FileAsync(subject: "Nid-de-poule avenue Hassan II") };
        var backup = Path.Combine(Path.GetTempPath(), "chikaya-tests", $"backup-{Guid.NewGuid():N}");
        await using var restored = new ChikayaApp();
        try
        {
            if (ChikayaApp.Postgres is null)
            {
                var (exitCode, output) = await ServerProcess.RunCommandAsync(source, "backup", backup);
                Assert.True(exitCode == 0, output);
                Directory.CreateDirectory(restored.DataDirectory);
                File.Copy(backup, Path.Combine(restored.DataDirectory, "chikaya.db"));
            }
            else
            {
                await RunAsync("pg_dump", "--format=custom", "--file", backup, "--dbname", Libpq(source.DatabaseName));
                await using (var connection = new NpgsqlConnection(ChikayaApp.Postgres + ";Database=postgres"))
                {
                    await connection.OpenAsync();
                    await new NpgsqlCommand($"CREATE DATABASE \"{restored.DatabaseName}\"", connection).ExecuteNonQueryAsync();
                }
                await RunAsync("pg_restore", "--no-owner", "--dbname", Libpq(restored.DatabaseName), backup);
            }
            await restored.InitializeAsync();
        }
        finally { File.Delete(backup); }

        using var client = restored.NewApiClient();
        foreach (var complaint in filed)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{complaint.TrackingNumber}");
            request.Headers.Add("X-Secret-Code", complaint.SecretCode);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
    }

    private static string Libpq(string database)
    {
        var server = new NpgsqlConnectionStringBuilder(ChikayaApp.Postgres);
        return $"host={server.Host} port={server.Port} user={server.Username} dbname={database}";
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {errors}");
    }
}
