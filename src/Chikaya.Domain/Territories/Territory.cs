using Chikaya.Domain.Common;

namespace Chikaya.Domain.Territories;

public enum TerritoryKind
{
    Region = 0,
    Prefecture = 1,
    Province = 2,
    ArrondissementsPrefecture = 3,
    Commune = 4,
    Arrondissement = 5,
}

/// <summary>A territorial division: region, prefecture or province, commune, arrondissement.</summary>
public sealed class Territory
{
    private Territory() { }

    public Territory(string code, TerritoryKind kind, string? parentCode, string nameFr, string nameAr)
    {
        Code = code;
        Kind = kind;
        ParentCode = string.IsNullOrEmpty(parentCode) ? null : parentCode;
        NameFr = nameFr;
        NameAr = nameAr;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public TerritoryKind Kind { get; private set; }
    public string? ParentCode { get; private set; }
    public string NameFr { get; private set; } = "";
    public string NameAr { get; private set; } = "";

    public LocalizedName Name => new(NameFr, NameAr);

    public void Rename(string nameFr, string nameAr)
    {
        NameFr = nameFr;
        NameAr = nameAr;
    }
}
