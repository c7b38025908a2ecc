using System.Net;
using Chikaya.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

/// <summary>
/// Every route of the platform, for every kind of reader, and what they get. A route that is not in
/// the matrix fails the first test: nobody adds a page without saying who may open it.
/// </summary>
public sealed class AuthorizationMatrixTests(ChikayaApp app)
{
    // readers: anonymous, citizen, handler of Anfa, handler of Maarif, supervisor of the commune, administrator, observer
    private static readonly string?[] Readers = [null, "citoyen", "agent.anfa", "agent.maarif", "superviseur", "admin", "observateur"];

    private const string Ok = "200", Login = "login", Denied = "denied", NotFound = "404", Track = "track", Home = "home";
    private static readonly string[] Everyone = [Ok, Ok, Ok, Ok, Ok, Ok, Ok];
    private static readonly string[] StaffOnly = [Login, Denied, Ok, Ok, Ok, Denied, Ok];
    private static readonly string[] AdminOnly = [Login, Denied, Denied, Denied, Denied, Ok, Denied];
    private static readonly string[] CallCentreOnly = [Login, Denied, Denied, Denied, Denied, Denied, Denied];

    /// <summary>Route pattern, an address to try (ANFA stands for a complaint of the Anfa arrondissement), the outcome per reader.</summary>
    private static readonly (string Pattern, string Url, string[] Outcomes)[] Matrix =
    [
        ("/api/v1/administrations", "/api/v1/administrations", Everyone),
        ("/api/v1/complaints/{number}", "/api/v1/complaints/ANFA", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("/api/v1/territories", "/api/v1/territories", Everyone),
        ("/api/v1/themes", "/api/v1/themes", Everyone),
        ("/health", "/health", Everyone),
        ("/open311/v2/discovery.{format}", "/open311/v2/discovery.json", Everyone),
        ("/open311/v2/services.{format}", "/open311/v2/services.xml", Everyone),
        ("/open311/v2/services/{code}.{format}", "/open311/v2/services/cleanliness.json", Everyone),
        // statuses and dates are public; descriptions and places need a partner key (Open311RequestTests)
        ("/open311/v2/requests.{format}", "/open311/v2/requests.json", Everyone),
        ("/open311/v2/requests/{id}.{format}", "/open311/v2/requests/ANFA.xml", Everyone),
        ("/open311/v2/tokens/{token}.{format}", "/open311/v2/tokens/ANFA.json", Everyone),
        ("/open311/v2/servicerequestupdates.{format}", "/open311/v2/servicerequestupdates.xml", Everyone),
        // not configured here: ChatChannelTests configure them
        ("/channels/whatsapp", "/channels/whatsapp", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("/channels/messenger", "/channels/messenger", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("chat", "/chat", Everyone),
        ("/health/live", "/health/live", Everyone),
        ("/health/ready", "/health/ready", Everyone),
        ("/language/{culture}", "/language/ar-MA", [Home, Home, Home, Home, Home, Home, Home]),
        ("/openapi/{documentName}.json", "/openapi/v1.json", Everyone),
        ("/stats/open-data.csv", "/stats/open-data.csv", Everyone),
        ("account/complaints", "/account/complaints", [Login, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("account/two-factor/{handler?}", "/account/two-factor", [Login, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("account/signin-2fa", "/account/signin-2fa", Everyone),
        ("account/my-data/{handler?}", "/account/my-data", [Login, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("account/denied", "/account/denied", [Denied, Denied, Denied, Denied, Denied, Denied, Denied]),
        ("account/register", "/account/register", Everyone),
        ("account/signin", "/account/signin", Everyone),
        ("account/signout", "/account/signout", [Home, Home, Home, Home, Home, Home, Home]),
        ("admin", "/admin", AdminOnly),
        ("admin/administrations", "/admin/administrations", AdminOnly),
        ("admin/administrations/{id}", "/admin/administrations/3", AdminOnly),
        ("admin/faq/{handler?}", "/admin/faq", AdminOnly),
        ("admin/faq/edit/{id}", "/admin/faq/edit/new", AdminOnly),
        ("admin/partners", "/admin/partners", AdminOnly),
        ("admin/partners/{id}", "/admin/partners/new", AdminOnly),
        ("admin/routing/{handler?}", "/admin/routing", AdminOnly),
        ("admin/templates", "/admin/templates", AdminOnly),
        ("admin/templates/{key}/{language}", "/admin/templates/citizen.answered/ar", AdminOnly),
        ("admin/themes", "/admin/themes", AdminOnly),
        ("admin/themes/{id}", "/admin/themes/1", AdminOnly),
        ("admin/users", "/admin/users", AdminOnly),
        ("admin/users/{id?}", "/admin/users/new", AdminOnly),
        ("backoffice", "/backoffice", StaffOnly),
        ("backoffice/complaints/{number}/{handler?}", "/backoffice/complaints/ANFA", [Login, Denied, Ok, NotFound, Ok, Denied, Ok]),
        ("backoffice/dashboard", "/backoffice/dashboard", StaffOnly),
        ("backoffice/dashboard/complaints", "/backoffice/dashboard/complaints?Group=all&Measure=received", StaffOnly),
        ("backoffice/dashboard/export", "/backoffice/dashboard/export?table=themes&format=csv", StaffOnly),
        ("backoffice/dashboard/ranking", "/backoffice/dashboard/ranking", StaffOnly),
        // in process there is no port for Chromium to print from: staff get 503 here, a PDF in BrowserTests
        ("backoffice/dashboard/report", "/backoffice/dashboard/report", [Login, Denied, "503", "503", "503", Denied, "503"]),
        ("reports/dashboard", "/reports/dashboard?token=forged", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("backoffice/warnings", "/backoffice/warnings", StaffOnly),
        ("backoffice/citizens/{handler?}", "/backoffice/citizens?Query=Amina", [Login, Denied, Denied, Denied, Ok, Denied, Denied]),
        ("backoffice/mail/new", "/backoffice/mail/new", [Login, Denied, Ok, Ok, Ok, Denied, Denied]),
        // a letter carries the sender's address: no personal data, no letter, for the observer
        ("backoffice/mail/{number}/acknowledgement", "/backoffice/mail/ANFA/acknowledgement", [Login, Denied, Ok, NotFound, Ok, Denied, NotFound]),
        ("backoffice/mail/{number}/answer-letter", "/backoffice/mail/ANFA/answer-letter", [Login, Denied, NotFound, NotFound, NotFound, Denied, NotFound]),
        ("callcentre", "/callcentre?Query=Amina", CallCentreOnly),
        ("callcentre/citizens/{id:guid}", "/callcentre/citizens/3f2504e0-4f89-11d3-9a0c-0305e82c3301", CallCentreOnly),
        ("callcentre/complaints/{number}", "/callcentre/complaints/ANFA", CallCentreOnly),
        ("callcentre/new", "/callcentre/new", CallCentreOnly),
        ("complaints/{number}/receipt", "/complaints/ANFA/receipt", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("complaints/new", "/complaints/new", Everyone),
        ("error/{status:int?}", "/error/404", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("faq", "/faq", Everyone),
        ("stats", "/stats", Everyone),
        ("track", "/track", Everyone),
        ("track/{number}/{handler?}", "/track/ANFA", [Track, Track, Track, Track, Track, Track, Track]),
    ];

    /// <summary>Routes that only accept what a form or a client sends, tested by their own features.</summary>
    private static readonly string[] PostOnly =
    [
        "/api/v1/complaints", "/api/v1/complaints/{number}/information", "/api/v1/complaints/{number}/rating",
        "/api/v1/complaints/{number}/remarks", "/api/v1/complaints/{number}/reopen", "/api/v1/complaints/{number}/documents",
    ];

    [Fact]
    public void Every_route_of_the_platform_is_in_the_matrix()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Where(r => r.Length > 0).Distinct();
        Assert.Empty(routes.Except(Matrix.Select(m => m.Pattern)).Except(PostOnly));
    }

    public static TheoryData<string, int> Cells()
    {
        var data = new TheoryData<string, int>();
        foreach (var (pattern, _, _) in Matrix)
        for (var reader = 0; reader < Readers.Length; reader++)
            data.Add(pattern, reader);
        return data;
    }

    private static readonly SemaphoreSlim FilingLock = new(1, 1);
    private static string? _anfa;

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_reader_gets_what_the_matrix_says(string pattern, int reader)
    {
        var (_, url, outcomes) = Matrix.Single(m => m.Pattern == pattern);
        Assert.Equal(outcomes[reader], await OutcomeAsync(url, Readers[reader]));
    }

    /// <summary>The call-centre agent outside their console: what a signed-in citizen gets, and nothing of the back office.</summary>
    private static readonly Dictionary<string, string> CallCentreAgent = new()
    {
        ["callcentre"] = Ok, ["callcentre/citizens/{id:guid}"] = NotFound, ["callcentre/complaints/{number}"] = Ok, ["callcentre/new"] = Ok,
    };

    public static TheoryData<string> Patterns() => new(Matrix.Select(m => m.Pattern));

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task A_call_centre_agent_reaches_the_console_and_what_a_citizen_reaches(string pattern)
    {
        var (_, url, outcomes) = Matrix.Single(m => m.Pattern == pattern);
        Assert.Equal(CallCentreAgent.GetValueOrDefault(pattern, outcomes[1]), await OutcomeAsync(url, "callcentre"));
    }

    private async Task<string> OutcomeAsync(string url, string? login)
    {
        var browser = app.NewBrowser();
        if (login is not null) await browser.SignInAsync(login);

        await browser.GetAsync(url.Replace("ANFA", await AnfaComplaintAsync(), StringComparison.Ordinal));

        var path = browser.LastUrl!.AbsolutePath;
        return path switch
        {
            "/account/signin" when !url.StartsWith("/account/signin", StringComparison.Ordinal) => Login,
            "/account/denied" => Denied,
            "/track" when url != "/track" => Track,
            "/" when url != "/" => Home,
            _ => browser.LastStatus == HttpStatusCode.NotFound ? NotFound : ((int)browser.LastStatus).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private async Task<string> AnfaComplaintAsync()
    {
        await FilingLock.WaitAsync();
        try { return _anfa ??= (await app.FileAsync(territory: "A-ANFA")).TrackingNumber; }
        finally { FilingLock.Release(); }
    }
}
