using Chikaya.Domain.Common;

namespace Chikaya.Domain.Administrations;

public enum AdministrationKind
{
    Ministry = 0,
    PublicEstablishment = 1,
    RegionCouncil = 2,
    PrefectureOrProvince = 3,
    Commune = 4,
    Arrondissement = 5,
}

/// <summary>
/// A body that receives and answers complaints. Its parent is the next step up the hierarchy,
/// where what is not handled escalates.
/// </summary>
public sealed class Administration
{
    private Administration() { }

    public Administration(string code, AdministrationKind kind, string nameFr, string nameAr,
        int? parentId, int? territoryId, IEnumerable<int> themeIds)
    {
        Code = code;
        Kind = kind;
        IsActive = true;
        Update(nameFr, nameAr, parentId, territoryId, themeIds, isActive: true);
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public AdministrationKind Kind { get; private set; }
    public string NameFr { get; private set; } = "";
    public string NameAr { get; private set; } = "";
    public int? ParentId { get; private set; }
    public int? TerritoryId { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>The themes it is competent for.</summary>
    public List<int> ThemeIds { get; private set; } = [];

    public LocalizedName Name => new(NameFr, NameAr);

    public void Update(string nameFr, string nameAr, int? parentId, int? territoryId, IEnumerable<int> themeIds,
        bool isActive)
    {
        if (parentId is not null && parentId == Id && Id != 0)
            throw new ArgumentException("An administration cannot be its own parent.", nameof(parentId));
        NameFr = nameFr.Trim();
        NameAr = nameAr.Trim();
        ParentId = parentId;
        TerritoryId = territoryId;
        ThemeIds = themeIds.Distinct().Order().ToList();
        IsActive = isActive;
    }

    public bool Handles(int themeId) => ThemeIds.Contains(themeId);

    public static string KindKey(AdministrationKind kind) => kind switch
    {
        AdministrationKind.PublicEstablishment => "administration-kind.public-establishment",
        AdministrationKind.RegionCouncil => "administration-kind.region-council",
        AdministrationKind.PrefectureOrProvince => "administration-kind.prefecture-or-province",
        _ => "administration-kind." + kind.ToString().ToLowerInvariant(),
    };
}
