using System.Diagnostics;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Dashboard;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;

namespace Chikaya.Web.Features.BackOffice.Dashboard;

/// <summary>
/// The dashboard as a PDF: headless Chromium prints the print view, which shapes Arabic right to left.
/// <c>Chikaya:Reports:ChromiumPath</c> names the browser (default /usr/bin/chromium).
/// </summary>
public sealed class DashboardReportModel([FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, IDataProtectionProvider protection, IServer server,
    IConfiguration configuration, ILogger<DashboardReportModel> logger) : DashboardFilterModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        var chromium = configuration["Chikaya:Reports:ChromiumPath"] ?? "/usr/bin/chromium";
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http:", StringComparison.Ordinal))
            ?.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        if (address is null || !System.IO.File.Exists(chromium)) return StatusCode(StatusCodes.Status503ServiceUnavailable);

        var token = new ReportToken(scope.All, [.. scope.AdministrationIds], Filter.ToRoute(),
            System.Globalization.CultureInfo.CurrentUICulture.Name).Protect(protection);
        var url = $"{address.TrimEnd('/')}/reports/dashboard?culture={Uri.EscapeDataString(System.Globalization.CultureInfo.CurrentUICulture.Name)}&token={Uri.EscapeDataString(token)}";
        var folder = Directory.CreateTempSubdirectory("chikaya-report-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            using var process = Process.Start(new ProcessStartInfo(chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={folder.FullName}/profile",
                "--no-pdf-header-footer", $"--print-to-pdf={pdf}", url,
            ]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            if (!System.IO.File.Exists(pdf))
            {
                logger.LogWarning("Chromium made no PDF: {Error}", await process.StandardError.ReadToEndAsync(ct));
                return StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            return File(await System.IO.File.ReadAllBytesAsync(pdf, ct), "application/pdf", "chikaya-dashboard.pdf");
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
