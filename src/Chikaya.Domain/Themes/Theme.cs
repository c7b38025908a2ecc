using Chikaya.Domain.Common;

namespace Chikaya.Domain.Themes;

/// <summary>What a complaint is about: cleanliness, urbanism, civil registry...</summary>
public sealed class Theme
{
    private Theme() { }

    public Theme(string code, string nameFr, string nameAr, int sortOrder)
    {
        Code = code;
        NameFr = nameFr;
        NameAr = nameAr;
        SortOrder = sortOrder;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string NameFr { get; private set; } = "";
    public string NameAr { get; private set; } = "";
    public int SortOrder { get; private set; }

    /// <summary>An inactive theme is kept for the complaints that use it but offered to no one.</summary>
    public bool IsActive { get; private set; }

    public LocalizedName Name => new(NameFr, NameAr);

    public void Update(string nameFr, string nameAr, int sortOrder, bool isActive)
    {
        NameFr = nameFr.Trim();
        NameAr = nameAr.Trim();
        SortOrder = sortOrder;
        IsActive = isActive;
    }
}
