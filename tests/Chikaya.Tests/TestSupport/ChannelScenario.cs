using AngleSharp.Html.Dom;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.TestSupport;

/// <summary>Files through the call-centre console and the mail office, as their users do, with fresh identifiers.</summary>
public static class ChannelScenario
{
    // a random start per run, then steps of ten: never the same twice, and every number ends in 0, so a test
    // may derive "another" number by changing the last digit without meeting a number of another test
    private static int _counter = Random.Shared.Next(10_000, 80_000) * 10;

    /// <summary>A phone number, an e-mail address and a CIN no other test uses.</summary>
    public static (string Phone, string Email, string Cin) NewIdentifiers()
    {
        var n = Interlocked.Add(ref _counter, 10);
        return ($"066{n:D7}"[..10], $"caller{n}@example.ma", $"TT{n % 1_000_000:D6}");
    }

    public static async Task<IHtmlDocument> FileByPhoneAsync(this ChikayaApp app, Browser agent, Dictionary<string, string?> caller,
        string territory = "A-ANFA", string subject = "Lampadaire éteint")
    {
        var form = await agent.GetAsync("/callcentre/new");
        var values = new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = (await app.ThemeIdAsync("public-lighting")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TerritoryCode"] = territory, ["Input.Subject"] = subject, ["Input.Description"] = "La rue est dans le noir depuis lundi.",
        };
        foreach (var (key, value) in caller) values[key] = value;
        return await agent.SubmitAsync(form, "#file-for-caller", values);
    }

    public static async Task<IHtmlDocument> RegisterLetterAsync(this ChikayaApp app, Browser clerk, Dictionary<string, string?> letter,
        IEnumerable<(string, string, byte[])>? pages = null)
    {
        var form = await clerk.GetAsync("/backoffice/mail/new");
        var values = new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = (await app.ThemeIdAsync("roads")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Subject"] = "Nid-de-poule", ["Input.Description"] = "Un trou dangereux devant l'école.",
            ["Input.ReceivedOn"] = LocalDate(app, -3), ["Input.Reference"] = "BO-" + Guid.NewGuid().ToString("N")[..6],
        };
        foreach (var (key, value) in letter) values[key] = value;
        return await clerk.SubmitAsync(form, "#register-letter", values, pages ?? [("Input.Files", "lettre.pdf", SampleFiles.Pdf)]);
    }

    /// <summary>A day in Morocco relative to the test clock, as a date field takes it.</summary>
    public static string LocalDate(ChikayaApp app, int days) =>
        Display.Local(app.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<Complaint> ComplaintAsync(this ChikayaApp app, string number)
    {
        await using var db = app.Database();
        return await db.Complaints.AsNoTracking().Include(c => c.Events).Include(c => c.Attachments).AsSplitQuery()
            .SingleAsync(c => c.TrackingNumber == number);
    }

    /// <summary>The tracking number a filing page shows after redirecting.</summary>
    public static string Number(this IHtmlDocument page) => page.Text("#tracking-number");
}
