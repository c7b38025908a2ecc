using Chikaya.Domain.Territories;
using Chikaya.Domain.Themes;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Data.Seeding;

/// <summary>What every deployment starts with: Morocco's territories and the themes. Adds what is missing, changes nothing.</summary>
public static class ReferenceData
{
    // the seeds' first four domains (Casablanca's tender), then the others the national portal receives
    public static readonly (string Code, string Fr, string Ar)[] Themes =
    [
        ("cleanliness", "Propreté", "النظافة"),
        ("hygiene", "Hygiène", "حفظ الصحة"),
        ("public-domain", "Occupation du domaine public communal", "احتلال الملك العمومي الجماعي"),
        ("urbanism", "Urbanisme", "التعمير"),
        ("health", "Santé", "الصحة"),
        ("safety", "Sécurité", "الأمن"),
        ("signage", "Signalisation", "التشوير"),
        ("roads", "Voirie", "الطرق"),
        ("public-lighting", "Éclairage public", "الإنارة العمومية"),
        ("green-spaces", "Espaces verts", "المساحات الخضراء"),
        ("civil-registry", "État civil", "الحالة المدنية"),
        ("water-sanitation", "Eau et assainissement", "الماء والتطهير"),
        ("public-transport", "Transport public", "النقل العمومي"),
        ("markets", "Marchés et commerce", "الأسواق والتجارة"),
        ("reception", "Accueil des usagers", "استقبال المرتفقين"),
        ("other", "Autre", "أخرى"),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var knownThemes = await db.Themes.Select(t => t.Code).ToHashSetAsync(ct);
        for (var i = 0; i < Themes.Length; i++)
        {
            var (code, fr, ar) = Themes[i];
            if (!knownThemes.Contains(code)) db.Themes.Add(new Theme(code, fr, ar, (i + 1) * 10));
        }

        var knownTerritories = await db.Territories.Select(t => t.Code).ToHashSetAsync(ct);
        foreach (var territory in ReadTerritories().Where(t => !knownTerritories.Contains(t.Code)))
            db.Territories.Add(territory);
        await db.SaveChangesAsync(ct);
    }

    public static IReadOnlyList<Territory> ReadTerritories()
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("Chikaya.Seeding.territories.csv")
            ?? throw new InvalidOperationException("territories.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = TerritoryCsv.Read(reader).ToList();
        var bad = rows.FirstOrDefault(r => r.Error is not null);
        if (bad is not null) throw new InvalidDataException($"territories.csv line {bad.Line}: {bad.Error}");
        return rows.Select(r => r.Territory!).ToList();
    }
}
