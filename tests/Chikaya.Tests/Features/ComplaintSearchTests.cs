using System.Net.Http.Json;
using Chikaya.Tests.TestSupport;

namespace Chikaya.Tests.Features;

/// <summary>A handler's search through each database's full-text engine, in French and Arabic, within their scope.</summary>
public sealed class ComplaintSearchTests(ChikayaApp app)
{
    private async Task<string> FileAsync(string territory, string subject, string description)
    {
        using var client = app.NewApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/complaints", new
        {
            themeId = await app.ThemeIdAsync("cleanliness"), territoryCode = territory, subject, description,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Receipt>())!.TrackingNumber;
    }

    private sealed record Receipt(string TrackingNumber);

    private async Task<string> SearchAsync(string login, string text)
    {
        var browser = app.NewBrowser();
        await browser.SignInAsync(login);
        var page = await browser.GetAsync("/backoffice?Queue=all&Search=" + Uri.EscapeDataString(text));
        return page.Text("main");
    }

    [Fact]
    public async Task Words_are_found_in_subject_and_description_whatever_their_ending()
    {
        // letters only: PostgreSQL does not stem a word with digits
        var word = "zqx" + new string(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray()) + "ard";
        var bins = await FileAsync("A-ANFA", "Poubelles " + word + "s", "Les poubelles débordent rue 5.");
        var light = await FileAsync("A-ANFA", "Lampadaire", "Le lampadaire " + word + " est éteint.");
        var other = await FileAsync("A-ANFA", "Banc", "Banc cassé au jardin.");

        var found = await SearchAsync("agent.anfa", word);

        Assert.Contains(bins, found);
        Assert.Contains(light, found);
        Assert.DoesNotContain(other, found);
    }

    [Fact]
    public async Task Arabic_words_are_found_and_another_administration_s_complaints_stay_out_of_reach()
    {
        var word = "حاويات" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var anfa = await FileAsync("A-ANFA", "نفايات", "ال" + " " + word + " ممتلئة منذ أسبوع");
        var maarif = await FileAsync("A-MAARIF", "نفايات", word + " في الشارع");

        var found = await SearchAsync("agent.anfa", word);

        Assert.Contains(anfa, found);
        Assert.DoesNotContain(maarif, found);
    }

    [Fact]
    public async Task Search_operators_typed_by_a_person_are_read_as_words_not_syntax()
    {
        var found = await SearchAsync("agent.anfa", "\"NEAR(* OR -) AND\" ' ;");
        Assert.DoesNotContain("Erreur", found);
    }
}
