using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.TestSupport;

public sealed record Filed(string TrackingNumber, string SecretCode, int AdministrationId);

/// <summary>Shortcuts to put the platform in a known state through its public API.</summary>
public static class Scenario
{
    public static async Task<int> ThemeIdAsync(this ChikayaApp app, string code)
    {
        await using var db = app.Database();
        return await db.Themes.Where(t => t.Code == code).Select(t => t.Id).SingleAsync();
    }

    public static async Task<int> AdministrationIdAsync(this ChikayaApp app, string code)
    {
        await using var db = app.Database();
        return await db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Files a complaint through the JSON API, in an arrondissement of Casablanca by default.</summary>
    public static async Task<Filed> FileAsync(this ChikayaApp app, string territory = "A-ANFA", string theme = "cleanliness",
        string? email = "amina@example.ma", string subject = "Ordures non ramassées")
    {
        using var client = app.NewApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/complaints", new
        {
            themeId = await app.ThemeIdAsync(theme), territoryCode = territory, subject,
            description = "Les conteneurs débordent depuis une semaine.", contactName = "Amina", contactEmail = email,
        });
        response.EnsureSuccessStatusCode();
        var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
        return new Filed(receipt!.TrackingNumber, receipt.SecretCode, receipt.AdministrationId);
    }

    private sealed record Receipt(string TrackingNumber, string SecretCode, int AdministrationId);
}
