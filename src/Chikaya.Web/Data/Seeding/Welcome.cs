using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Data.Seeding;

public static class Welcome
{
    /// <summary>Once listening, prints where the platform is and, in demo mode, who can sign in.</summary>
    public static void PrintWelcomeOnStart(this WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var text = new System.Text.StringBuilder();
        text.AppendLine().AppendLine("Chikaya is running:");
        foreach (var address in addresses) text.AppendLine("  " + address);
        text.AppendLine("  API description: /openapi/v1.json   health: /health");
        if (demo.Demo)
        {
            text.AppendLine($"Demo logins (password for all: {DemoOptions.Password}):");
            foreach (var (login, role) in DemoLogins) text.AppendLine($"  {login + "@" + DemoOptions.Domain,-34} {role}");
            text.AppendLine($"  agent.<arrondissement>@{DemoOptions.Domain} (agent.maarif, agent.sidi-moumen, ...) handler of each arrondissement");
            text.AppendLine($"Open311 partner key (every administration): api_key={DemoData.PartnerKey}   /open311/v2/discovery.json");
        }
        Console.WriteLine(text.ToString());
    });

    public static readonly (string Login, string Role)[] DemoLogins =
    [
        ("admin", "administrator"),
        ("superviseur", "supervisor, Commune de Casablanca and its arrondissements"),
        ("agent.commune", "handler, Commune de Casablanca"),
        ("agent.anfa", "handler, Arrondissement Anfa"),
        ("agent.sante", "handler, Ministry of Health"),
        ("observateur", "national observer (read-only, no personal data)"),
        ("citoyen", "citizen with an account"),
        ("callcentre", "call-centre agent (Allô Idaraty): /callcentre"),
    ];
}
