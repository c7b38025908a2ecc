using System.Globalization;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.BackOffice;

namespace Chikaya.Tests.Features;

public sealed class EndToEndTests(ChikayaApp app)
{
    [Fact]
    public async Task A_complaint_filed_in_Arabic_with_a_photo_is_answered_by_the_arrondissement_and_the_citizen_reads_the_answer()
    {
        var citizen = app.NewBrowser("ar-MA");
        var form = await citizen.GetAsync("/complaints/new");
        var email = $"salma.{Guid.NewGuid():N}@example.ma";
        var receipt = await citizen.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = (await app.ThemeIdAsync("cleanliness")).ToString(CultureInfo.InvariantCulture),
            ["Input.TerritoryCode"] = "A-ESSOUKHOUR-ASSAWDA",
            ["Input.Subject"] = "عدم جمع النفايات منذ أسبوع",
            ["Input.Description"] = "الحاويات ممتلئة والنفايات متراكمة على الرصيف.",
            ["Input.ContactEmail"] = email,
        }, [("Input.Files", "صورة.jpg", SampleFiles.Jpeg)]);
        var number = receipt.Text("#tracking-number");
        Assert.Equal("rtl", receipt.DocumentElement.GetAttribute("dir"));

        var agent = app.NewBrowser();
        await agent.SignInAsync("agent.essoukhour-assawda");
        var detail = await agent.GetAsync($"/backoffice/complaints/{number}");
        Assert.Contains("صورة.jpg", detail.Body!.TextContent);
        detail = await agent.SubmitAsync(detail, "form:has(button[value='Accept'])", submitName: "Input.Action",
            submitValue: nameof(ComplaintAction.Accept));
        await agent.SubmitAsync(detail, "form:has(button[value='Answer'])",
            new Dictionary<string, string?> { ["Input.Text"] = "تم جمع النفايات وتنظيف المكان." },
            submitName: "Input.Action", submitValue: nameof(ComplaintAction.Answer));

        var later = app.NewBrowser("ar-MA");
        var track = await later.SubmitAsync(await later.GetAsync("/track"), "main form",
            new Dictionary<string, string?> { ["Input.Number"] = number, ["Input.Email"] = email });
        Assert.Equal("تم جمع النفايات وتنظيف المكان.", track.Text("#answer"));
        Assert.Matches(@"\p{IsArabic}", track.Text("#status"));
    }
}
