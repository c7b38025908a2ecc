using System.Net;
using AngleSharp.Dom;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

public sealed class SubmitComplaintPageTests(ChikayaApp app)
{
    private static Dictionary<string, string?> Valid(int themeId, string subject) => new()
    {
        ["Input.ThemeId"] = themeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.TerritoryCode"] = "A-MAARIF",
        ["Input.Subject"] = subject,
        ["Input.Description"] = "Un lampadaire est tombé sur le trottoir.",
        ["Input.Address"] = "12 Rue Ibnou Mounir",
        ["Input.Latitude"] = "33,5731",
        ["Input.Longitude"] = "-7.6298",
    };

    [Fact]
    public async Task An_anonymous_citizen_files_with_a_photo_and_gets_a_number_and_a_secret_code()
    {
        var browser = app.NewBrowser();
        var form = await browser.GetAsync("/complaints/new");
        var subject = "Lampadaire tombé " + Guid.NewGuid().ToString("N")[..6];

        var receipt = await browser.SubmitAsync(form, "main form", Valid(await app.ThemeIdAsync("public-lighting"), subject),
            [("Input.Files", "photo.png", SampleFiles.Png)]);

        Assert.Equal(HttpStatusCode.OK, browser.LastStatus);
        var number = receipt.Text("#tracking-number");
        var code = receipt.Text("#secret-code");
        Assert.NotNull(TrackingNumber.Normalize(number));
        await using var db = app.Database();
        var stored = await db.Complaints.Include(c => c.Attachments).SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal(subject, stored.Subject);
        Assert.True(stored.IsAnonymous);
        Assert.True(stored.OwnsSecretCode(code));
        Assert.Equal(await app.AdministrationIdAsync("ARR-MAARIF"), stored.AdministrationId);
        Assert.Equal(33.5731, stored.Latitude);
        Assert.Equal("image/png", Assert.Single(stored.Attachments).ContentType);
        Assert.Equal(stored.ReceivedUtc.AddDays(60), stored.AnswerDueUtc);
    }

    [Fact]
    public async Task Missing_fields_are_reported_next_to_them_and_nothing_is_saved()
    {
        var browser = app.NewBrowser();
        var form = await browser.GetAsync("/complaints/new");
        var marker = "Sans objet " + Guid.NewGuid();

        var page = await browser.SubmitAsync(form, "main form",
            new Dictionary<string, string?> { ["Input.ContactEmail"] = "not-an-email", ["Input.Description"] = marker });

        var themeError = page.Text("#theme-error");
        Assert.NotEmpty(themeError);
        Assert.DoesNotContain("complaint.", themeError);
        Assert.NotEmpty(page.Text("#subject-error"));
        Assert.NotEmpty(page.Text("#email-error"));
        Assert.Equal(marker, page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea")!.Value);
        await using var db = app.Database();
        Assert.False(await db.Complaints.AnyAsync(c => c.Description == marker));
    }

    [Fact]
    public async Task In_Arabic_the_form_reads_right_to_left_and_errors_are_in_Arabic()
    {
        var browser = app.NewBrowser("ar-MA");
        var form = await browser.GetAsync("/complaints/new");
        Assert.Equal("rtl", form.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", form.DocumentElement.GetAttribute("lang"));

        var page = await browser.SubmitAsync(form, "main form");

        var error = page.Text("#subject-error");
        Assert.Matches(@"\p{IsArabic}", error);
    }

    [Fact]
    public async Task A_page_disguised_as_a_photo_is_refused_by_its_content()
    {
        var browser = app.NewBrowser();
        var form = await browser.GetAsync("/complaints/new");
        var subject = "Fichier piégé " + Guid.NewGuid().ToString("N")[..6];

        var page = await browser.SubmitAsync(form, "main form", Valid(await app.ThemeIdAsync("roads"), subject),
            [("Input.Files", "photo.jpg", SampleFiles.Html)]);

        Assert.NotEmpty(page.Text("#files-error"));
        await using var db = app.Database();
        Assert.False(await db.Complaints.AnyAsync(c => c.Subject == subject));
    }

    [Fact]
    public async Task Posting_the_same_form_twice_files_one_complaint()
    {
        var browser = app.NewBrowser();
        var form = await browser.GetAsync("/complaints/new");
        var subject = "Double clic " + Guid.NewGuid().ToString("N")[..6];
        var values = Valid(await app.ThemeIdAsync("roads"), subject);

        var first = await browser.SubmitAsync(form, "main form", values);
        var second = await browser.SubmitAsync(form, "main form", values);

        Assert.Equal(first.Text("#tracking-number"), second.Text("#tracking-number"));
        await using var db = app.Database();
        Assert.Equal(1, await db.Complaints.CountAsync(c => c.Subject == subject));
    }

    [Fact]
    public async Task A_signed_in_citizen_files_under_their_account_and_finds_it_in_their_list()
    {
        var browser = app.NewBrowser();
        await browser.SignInAsync("citoyen");
        var form = await browser.GetAsync("/complaints/new");
        var subject = "Avec compte " + Guid.NewGuid().ToString("N")[..6];

        var receipt = await browser.SubmitAsync(form, "main form", Valid(await app.ThemeIdAsync("cleanliness"), subject));
        var number = receipt.Text("#tracking-number");
        var mine = await browser.GetAsync("/account/complaints");

        Assert.Contains(number, mine.Body!.TextContent);
        await using var db = app.Database();
        var stored = await db.Complaints.SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal("citoyen@demo.chikaya.ma", stored.ContactEmail);
        Assert.NotNull(stored.CitizenUserId);
    }
}
